// h5 first screen: how soon 首页 shows its content in headless Chromium on localhost, from an empty cache each run.
// Run after `npm run build:functions` and the h5 build (`npm start` does both; or `npm test`):
// `node bench/h5-paint/run.mjs [runs=7]`. It starts its own emulator with the demo data on a free port.
// Per run: first contentful paint (the browser's own figure: the page's frame with anything drawn) and "meaningful":
// the first frame after 首页's personal part is in the page (张伟's greeting for a volunteer, 注册成为科技志愿者 for a
// new WeChat user), both in ms from the start of navigation; the JavaScript and CSS bytes fetched; and what
// the browser waited longest for. Median, best and worst. Not a test: numbers for notes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 7);
for (const need of ['.build/emulator.js', 'dist/h5/index.html']) {
  if (!fs.existsSync(path.join(root, need))) {
    console.error(`${need} not found: build first (npm start or npm test builds both)`);
    process.exit(1);
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const port = await freePort();
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-paint-'));
const emulator = spawn(process.execPath, ['.build/emulator.js'], {
  cwd: root,
  env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_DATA: data, EMULATOR_SEED: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.on('data', (b) => {
    out += b;
    if (out.includes('h5 app:')) resolve();
  });
  emulator.on('exit', (code) => reject(new Error(`emulator exited (${code})`)));
});
const base = `http://127.0.0.1:${port}`;

const who = [
  ['volunteer (张伟)', 'demo-vol1', '.home-greeting'],
  ['new WeChat user', 'bench-new-user', '.home-register'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [label, openid, selector] of who) {
  const samples = [];
  for (let i = 0; i < runs + 1; i += 1) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, locale: 'zh-CN' });
    // No fake clock here (it would fake performance.now too): the page takes "today" from the server's answers.
    await context.addInitScript(
      ([o, sel]) => {
        window.localStorage.setItem('dev-openid', JSON.stringify({ data: o }));
        // The first frame painted after the selector appears.
        const seen = () => {
          if (document.querySelector(sel))
            requestAnimationFrame(() => requestAnimationFrame(() => (window.__meaningful = performance.now())));
          else requestAnimationFrame(seen);
        };
        requestAnimationFrame(seen);
      },
      [openid, selector],
    );
    const page = await context.newPage();
    let bytes = { js: 0, css: 0 };
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      bytes[type === 'script' ? 'js' : 'css'] += body.length;
    });
    await page.goto(`${base}/#/pages/index/index`);
    await page.waitForFunction(() => typeof window.__meaningful === 'number', undefined, { timeout: 30000 });
    const m = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      meaningful: window.__meaningful,
      slowest: performance
        .getEntriesByType('resource')
        .filter((e) => !e.name.endsWith('/favicon.ico'))
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 1)
        .map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, '')} ${e.duration.toFixed(0)} ms`)[0],
    }));
    await context.close();
    // The first run warms the server (its disk cache and the functions' module load), not the browser: left out.
    if (i > 0) samples.push({ ...m, ...bytes });
  }
  rows.push({ label, samples });
}
await browser.close();
await new Promise((resolve) => {
  emulator.once('exit', resolve);
  emulator.kill();
});
fs.rmSync(data, { recursive: true, force: true });

console.log(`首页 on h5, ${runs} runs each, empty browser cache, 375×812, localhost`);
console.log('who                  FCP ms (median / best / worst)   meaningful ms (median / best / worst)   JS KiB   CSS KiB');
for (const { label, samples } of rows) {
  const f = samples.map((s) => s.fcp);
  const mm = samples.map((s) => s.meaningful);
  const fmt = (xs) => `${median(xs).toFixed(0)} / ${Math.min(...xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)}`;
  console.log(
    `${label.padEnd(20)} ${fmt(f).padStart(32)}   ${fmt(mm).padStart(38)}   ${(samples[0].js / 1024).toFixed(0).padStart(6)}   ${(samples[0].css / 1024).toFixed(0).padStart(7)}`,
  );
  console.log(`  slowest resource in the last run: ${samples.at(-1).slowest}`);
}
