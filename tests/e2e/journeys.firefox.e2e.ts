import { findFirefox, launchFirefox } from './firefox-harness';
import { coreJourneys } from './journeys';

// Firefox ESR is installed by .ci/run; a machine without it says so rather than passing in silence.
if (!findFirefox()) throw new Error('Firefox is not installed: `sudo apt-get install -y firefox-esr`, or set FIREFOX.');
coreJourneys(launchFirefox);
