// One way for a bench to build what it measures: its TypeScript bundled with the repo's Node options, and function bundles.
import { build } from 'esbuild';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeProgram } from '../scripts/esbuild-node.mjs';

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the named functions' bundles as CloudBase runs them (scripts/build-functions.mjs). */
export function buildFunctions(...names) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs'), ...names], { stdio: 'inherit' });
}

/** Bundles bench/<name>/<entry> into .build/bench-<name>.cjs (scripts/esbuild-node.mjs) and imports it. */
export async function loadBench(name, entry) {
  const outfile = path.join(root, '.build', `bench-${name}.cjs`);
  await build(nodeProgram(path.join(root, 'bench', name, entry), outfile));
  return import(pathToFileURL(outfile).href);
}
