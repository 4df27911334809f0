// One browser test file's world: an in-memory emulator serving the h5 build, prepared by the test, and Debian's
// chromium; phones open routes as WeChat users. Call useH5App at the top level of the file.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, startTestEmulator, type TestEmulator } from './emulator';
import { launchChromium, pageOpener } from './browser';

/** E2E_H5_DIR: a copy of the h5 build, so that a rebuild by someone else does not pull it away mid-run. */
export const H5 = process.env.E2E_H5_DIR || path.join(ROOT, 'dist', 'h5');
/** Screenshots and downloads of the browser tests (git-ignored). */
export const SHOTS = path.join(ROOT, '.tmp');

export function useH5App(prepare: (t: TestEmulator) => Promise<void>) {
  let t: TestEmulator | undefined;
  let browser: Browser | undefined;
  const pages = pageOpener(
    () => browser!,
    () => t!.url,
  );
  beforeAll(async () => {
    if (!fs.existsSync(path.join(H5, 'index.html')))
      throw new Error(`${H5} is missing: run \`npm run build:h5\` (npm test builds it first)`);
    t = await startTestEmulator({ staticDir: H5 });
    // Moving the emulator's clock moves the phones' too: a page never runs on the machine's date.
    const setClock = t.setClock.bind(t);
    t.setClock = async (iso: string) => {
      await setClock(iso);
      await pages.syncClocks();
    };
    await t.dev('POST', '/_dev/reset');
    await prepare(t);
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await pages.closeAll();
    await browser?.close();
    await t?.close();
  });
  return {
    /** The emulator (after beforeAll). */
    get t(): TestEmulator {
      if (!t) throw new Error('the emulator is not started yet');
      return t;
    },
    get browser(): Browser {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    pages,
  };
}
