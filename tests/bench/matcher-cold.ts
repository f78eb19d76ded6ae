/**
 * Helper of matcher-bench.ts: in a fresh process (cold JIT, as in a content script on page load), times
 * JSON.parse + createMatcher + a first match for the compiled data in the file given as argument.
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../lib/detection/matcher';

const file = process.argv[process.argv.length - 1]!;
const json = readFileSync(file, 'utf8');
const sample = 'NVIDIA 英伟达 H200 sales to China; BIS export rules; 美国商务部 and Alibaba Cloud.'.repeat(20);
const t0 = performance.now();
const data = JSON.parse(json);
const t1 = performance.now();
const matcher = createMatcher(data);
const t2 = performance.now();
matcher.match(sample);
const t3 = performance.now();
console.log(JSON.stringify({ parse: t1 - t0, create: t2 - t1, firstMatch: t3 - t2 }));
