// Bundles each cloud function (cloudfunctions/<fn>/index.ts → index.js, common/ inlined) and the emulator.
// @cloudbase/node-sdk stays external: it is a runtime dependency of each function's package.json.
// The libraries loaded on first use (common/adapters/heavy-modules.ts: exceljs, pdfkit, qrcode; domain/area-list.ts:
// the region tables) are bundled apart, one file each beside the function's bundle (<fn>/heavy/<library>.js), and
// required by index.js only when an export, a certificate, a code or a region name is made: a cold start parses
// index.js alone.
// The functions are those cloudbaserc.json deploys (test/unit/deploy holds it to types/functions.ts); `--list` prints them.
import { build } from 'esbuild';
import { nodeProgram } from './esbuild-node.mjs';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
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

/**
 * Libraries a function loads on first use, each bundled apart as heavy/<file>.js: what heavy-modules.ts imports
 * dynamically, and the region tables domain/area-list.ts requires when a name or code is looked up. index.js holds
 * `require('./heavy/<file>.js')` in their place.
 */
const HEAVY = { exceljs: 'exceljs', pdfkit: 'pdfkit', qrcode: 'qrcode', '@vant/area-data': 'area-data' };
const heavyFile = (name) => `./heavy/${HEAVY[name]}.js`;
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const heavyApart = {
  name: 'heavy-apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(HEAVY).map(escape).join('|')})$`) }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call' ? { path: heavyFile(args.path), external: true } : undefined,
    );
  },
};
const nodeBundle = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' };

/** Builds <fn>/index.js and answers which heavy libraries it requires. */
async function buildFunction(fn) {
  const outfile = path.join(root, 'cloudfunctions', fn, 'index.js');
  const result = await build({
    ...nodeBundle,
    entryPoints: [path.join(root, 'cloudfunctions', fn, 'index.ts')],
    outfile,
    sourcemap: 'linked',
    external: ['@cloudbase/node-sdk', 'tencentcloud-sdk-nodejs-sms'],
    plugins: [heavyApart],
    // import() of a heavy file becomes a deferred require(), as CloudBase's CommonJS runtime loads the rest.
    supported: { 'dynamic-import': false },
    metafile: true,
  });
  const imports = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('index.js'))[1].imports;
  return Object.keys(HEAVY).filter((name) => imports.some((i) => i.external && i.path === heavyFile(name)));
}

/** One library as a CommonJS file of its own (built once, copied to each function that requires it). */
const heavyBuilds = new Map();
const buildHeavy = (name) => {
  if (!heavyBuilds.has(name)) {
    const outfile = path.join(root, '.build', 'heavy', `${HEAVY[name]}.js`);
    heavyBuilds.set(
      name,
      build({
        ...nodeBundle,
        stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
        outfile,
      }).then(() => outfile),
    );
  }
  return heavyBuilds.get(name);
};

/** index.js, then its heavy/ folder holding exactly the libraries it requires. */
async function buildWithHeavy(fn) {
  const needs = await buildFunction(fn);
  const dir = path.join(root, 'cloudfunctions', fn, 'heavy');
  await rm(dir, { recursive: true, force: true });
  if (needs.length === 0) return;
  await mkdir(dir, { recursive: true });
  await Promise.all(needs.map(async (name) => copyFile(await buildHeavy(name), path.join(dir, `${HEAVY[name]}.js`))));
}

await Promise.all([
  ...functions.filter((fn) => only.length === 0 || only.includes(fn)).map(buildWithHeavy),
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
