// Check-in peak: N enrolled volunteers scan the sign-in code through the gateway as fast as the machine allows,
// against the built function bundles (as CloudBase runs them) and an in-memory emulator.
// Usage: node bench/checkin-peak/run.mjs [scans=10000] [concurrency=64]
// Prints scans/s, p50/p95/p99 latency, database requests per scan, and the same for a no-op function call.
import { buildFunctions, loadBench, root } from '../bundle.mjs';

buildFunctions('checkin');
const { runPeak } = await loadBench('checkin-peak', 'peak.ts');
await runPeak({ root, scans: Number(process.argv[2] ?? 10000), concurrency: Number(process.argv[3] ?? 64) });
