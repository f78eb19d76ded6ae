import { launchChromium } from './chromium-driver';
import { coreJourneys } from './journeys';

coreJourneys(launchChromium);
