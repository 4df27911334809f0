// The emulator database's write throughput on disk and in memory (see persist.ts).
// Usage: node bench/persistence/run.mjs [disk|memory|both=both]
import { loadBench } from '../bundle.mjs';

const { runPersist } = await loadBench('persistence', 'persist.ts');
const mode = process.argv[2] ?? 'both';
for (const m of mode === 'both' ? ['disk', 'memory'] : [mode]) await runPersist(m);
