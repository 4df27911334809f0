// Size benchmark: bytes of the weapp main package (what every volunteer downloads first) and of each subpackage.
// Run after `npm run build:weapp`: `node bench/size/run.mjs`. WeChat's limit is 2 MB per package; our budget for
// the main package is 600 KiB.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist', 'weapp');
if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error('dist/weapp/app.json not found: run `npm run build:weapp` first');
  process.exit(1);
}
const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (!entry.name.endsWith('.map')) files.push({ rel: path.relative(dist, full), bytes: fs.statSync(full).size });
  }
})(dist);

const packages = { main: [] };
for (const f of files) {
  const sub = subRoots.find((r) => f.rel === r || f.rel.startsWith(`${r}/`));
  (packages[sub ?? 'main'] ??= []).push(f);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [name, list] of Object.entries(packages)) {
  const total = list.reduce((s, f) => s + f.bytes, 0);
  console.log(`${name.padEnd(12)} ${String(total).padStart(9)} bytes (${kb(total)}) in ${list.length} files`);
}
console.log('\nlargest files of the main package:');
for (const f of packages.main.sort((a, b) => b.bytes - a.bytes).slice(0, 8)) console.log(`  ${kb(f.bytes).padStart(11)}  ${f.rel}`);
