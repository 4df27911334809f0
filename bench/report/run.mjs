// Reports over a tree of teams: report.orgStats, report.ranking and the 附件3 export through the gateway against the
// built `report` bundle and an in-memory emulator, first from the records, then from the rollups report.rebuildStats
// builds. Usage: node bench/report/run.mjs [province|national] [records] [runs]
// (province: 61 teams, 40,000 records by default; national: 3,070 teams, 400,000 records).
// Prints the median and worst time per call and database requests per call, the two paths side by side (one team's
// month is the same in both: the caller's check and the team's rows joined in one request, 2 requests).
import { buildFunctions, loadBench, root } from '../bundle.mjs';

const scale = process.argv[2] === 'national' ? 'national' : 'province';
buildFunctions('report');
const { runReport } = await loadBench('report', 'report.ts');
await runReport({
  root,
  scale,
  records: Number(process.argv[3] ?? (scale === 'national' ? 400000 : 40000)),
  runs: Number(process.argv[4] ?? 5),
});
