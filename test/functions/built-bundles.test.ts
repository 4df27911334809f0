// The functions as deployed (the built cloudfunctions/<fn>/index.js, after scripts/build-functions.mjs): the libraries
// they leave to heavy/ beside them (exceljs, pdfkit, qrcode, the region tables) load on the first call that needs them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataOf, useTestEmulator } from '../helpers/emulator';
import { pdfText } from '../helpers/pdf';
import { readXlsx, REPORT_CLOCK, seedProvince, sheetRows } from '../helpers/report';

const ROOT = path.resolve(__dirname, '../..');
const t = useTestEmulator({ clock: REPORT_CLOCK, bundles: true });
beforeEach(async () => {
  await seedProvince(t);
});

it('index.js holds none of the heavy libraries, and each one it requires lies in heavy/ beside it', () => {
  const dir = path.join(ROOT, 'cloudfunctions', 'report');
  const bundle = readFileSync(path.join(dir, 'index.js'), 'utf8');
  const required = [...bundle.matchAll(/require\("\.\/heavy\/([\w.-]+\.js)"\)/g)].map((m) => m[1]).sort();
  expect(required).toEqual(['area-data.js', 'exceljs.js', 'pdfkit.js', 'qrcode.js']);
  for (const file of required) expect(existsSync(path.join(dir, 'heavy', file))).toBe(true);
  expect(bundle.length).toBeLessThan(1_000_000);
});

it('report.certificate draws its PDF (pdfkit, qrcode, the font beside the bundle)', async () => {
  const out = dataOf<{ pdfBase64: string; certificateNo: string }>(
    await t.call('report', 'certificate', { orgId: 'lz', from: '2026-01-01', to: '2026-11-23' }, 'v1'),
  );
  const { text } = await pdfText(Buffer.from(out.pdfBase64, 'base64'));
  expect(text.replace(/\s+/g, '')).toContain(`证明编号：${out.certificateNo}`);
});

it('report.export writes its spreadsheet (exceljs) with region names (the region tables)', async () => {
  const out = dataOf<{ base64: string }>(await t.call('report', 'export', { orgId: 'lz', kind: 'members' }, 'lz-admin'));
  const rows = sheetRows((await readXlsx(out.base64)).getWorksheet('附件2')!);
  expect(rows.some((r) => (r ?? []).includes('甘肃省 兰州市 城关区'))).toBe(true);
});

it('checkin.code draws its QR (qrcode)', async () => {
  const [activity] = await t.emu.db.find('activities', { orgId: 'lz', status: 'published' });
  const out = await t.call('checkin', 'code', { activityId: String(activity._id), kind: 'in' }, 'lz-admin');
  expect(dataOf<{ qrSvg: string }>(out).qrSvg).toMatch(/^<svg/);
});
