// Check-in peak: N enrolled volunteers scan the sign-in code, and later the sign-out code, through the gateway as
// fast as the machine allows, against the built function bundles (as CloudBase runs them) and an in-memory emulator.
// Usage: node bench/checkin-peak/run.mjs [scans=10000] [concurrency=64 | rate/s]
//   a number: closed loop, that many calls in flight (saturation);
//   `167/s`: open loop, arrivals at a fixed rate (10,000 in one minute), latency from each call's scheduled time.
// Prints scans/s, p50/p95/p99 latency and database requests per scan for both waves, and the same for a no-op call.
import { buildFunctions, loadBench, root } from '../bundle.mjs';

buildFunctions('checkin');
const { runPeak } = await loadBench('checkin-peak', 'peak.ts');
const second = process.argv[3] ?? '64';
const load = second.endsWith('/s') ? { rate: Number(second.slice(0, -2)) } : { concurrency: Number(second) };
if (!Object.values(load).every((n) => Number.isFinite(n) && n > 0)) throw new Error(`not a concurrency or rate: ${second}`);
await runPeak({ root, scans: Number(process.argv[2] ?? 10000), load });
