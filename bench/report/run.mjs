// Reports over a province: report.orgStats, report.ranking and the 附件3 export for a whole year of a root with
// 60 teams below it, through the gateway against the built `report` bundle and an in-memory emulator.
// Usage: node bench/report/run.mjs [records=40000] [runs=5]
// Prints the median and worst time per call, database requests per call, and the rows read.
import { buildFunctions, loadBench, root } from '../bundle.mjs';

buildFunctions('report');
const { runReport } = await loadBench('report', 'report.ts');
await runReport({ root, records: Number(process.argv[2] ?? 40000), runs: Number(process.argv[3] ?? 5) });
