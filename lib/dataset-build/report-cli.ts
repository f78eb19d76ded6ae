/**
 * `npm run dataset:report`: prints the dataset report and exits 1 on validation errors or unmet minimums.
 * Run with `tsx lib/dataset-build/report-cli.ts` (or `vite-node`), which resolve the JSON imports.
 */
import { DATASET_FILES, loadDataset } from '../dataset/load';
import { buildReport } from './report';

const { meta, entities } = loadDataset();
const report = buildReport(
  DATASET_FILES.map((f) => ({ type: f.type, entities: f.file.entities })),
  entities,
  meta,
);
console.log(report.lines.join('\n'));
process.exitCode = report.ok ? 0 : 1;
