// `npm run deploy`: bundles scripts/deploy/*.ts with esbuild (as build-functions.mjs bundles the emulator) and runs it.
import { build } from 'esbuild';
import { nodeProgram } from './esbuild-node.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.build', 'deploy.js');
// zod and @cloudbase/manager-node load from node_modules; collections.ts and env.ts are bundled in.
await build(nodeProgram(path.join(root, 'scripts', 'deploy', 'main.ts'), outfile));
const { main, nodeIo } = createRequire(import.meta.url)(outfile);
process.exitCode = await main(process.argv.slice(2), nodeIo(root));
