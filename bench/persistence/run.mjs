// The emulator database's write throughput on disk and in memory (see persist.ts).
// Usage: node bench/persistence/run.mjs [disk|memory|both=both]
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = path.join(root, '.build', 'bench-persistence.cjs');
await build({
  entryPoints: [path.join(root, 'bench/persistence/persist.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { runPersist } = await import(pathToFileURL(outfile).href);
const mode = process.argv[2] ?? 'both';
for (const m of mode === 'both' ? ['disk', 'memory'] : [mode]) await runPersist(m);
