// Bundles each cloud function (cloudfunctions/<fn>/index.ts → index.js, common/ inlined) and the emulator.
// @cloudbase/node-sdk stays external: it is a runtime dependency of each function's package.json.
// The functions are those cloudbaserc.json deploys (test/unit/deploy holds it to types/functions.ts); `--list` prints them.
import { build } from 'esbuild';
import { nodeProgram } from './esbuild-node.mjs';
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const functions = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')).functions.map((f) => f.name);
if (process.argv[2] === '--list') {
  console.log(JSON.stringify(functions));
  process.exit(0);
}
const only = process.argv.slice(2);
const started = Date.now();

await Promise.all([
  ...functions
    .filter((fn) => only.length === 0 || only.includes(fn))
    .map((fn) =>
      build({
        entryPoints: [path.join(root, 'cloudfunctions', fn, 'index.ts')],
        outfile: path.join(root, 'cloudfunctions', fn, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        sourcemap: 'linked',
        external: ['@cloudbase/node-sdk', 'tencentcloud-sdk-nodejs-sms'],
        logLevel: 'warning',
      }),
    ),
  only.length === 0 || only.includes('emulator')
    ? build(nodeProgram(path.join(root, 'emulator', 'index.ts'), path.join(root, '.build', 'emulator.js')))
    : null,
]);
// report sets its certificates in Noto Sans SC: the font ships beside the bundle (see common/adapters/pdf.ts).
if (only.length === 0 || only.includes('report')) {
  const font = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  await copyFile(font, path.join(root, 'cloudfunctions', 'report', 'NotoSansSC-Regular.ttf'));
}
console.log(`functions and emulator built in ${Date.now() - started} ms`);
