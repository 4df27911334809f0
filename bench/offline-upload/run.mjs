// Offline upload: an admin's phone kept 1,000 scans of volunteers' personal codes (500 volunteers, in and out) while
// offline and uploads them through the gateway against the built checkin bundle and an in-memory emulator: 5 calls of
// 200 one after another (day 1), then 5 at once (day 2), then the same 5 again (all duplicates).
// Usage: node bench/offline-upload/run.mjs [volunteers=500]
// Prints wall time per scenario, database requests in all and per scan, and whether every scan is accounted for.
import { buildFunctions, loadBench, root } from '../bundle.mjs';

buildFunctions('checkin');
const { runOfflineUpload } = await loadBench('offline-upload', 'upload.ts');
await runOfflineUpload({ root, volunteers: Number(process.argv[2] ?? 500) });
