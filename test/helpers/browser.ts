// Debian's chromium through playwright-core, as a phone: the flags this machine needs (ARCHITECTURE.md).
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error('chromium is missing: run `apt-get install -y chromium fonts-noto-cjk` (npm test does it as root)');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The emulator's clock (GET /_dev/health), which every phone's clock is pinned to. */
async function emulatorNow(baseUrl: string): Promise<Date> {
  const health = (await (await fetch(`${baseUrl}/_dev/health`)).json()) as { now: string };
  return new Date(health.now);
}

/** A smaller phone (375×667) or a browser in another language (en-US) than the default 375×812 zh-CN. */
export type ScreenOpts = { viewport?: { width: number; height: number }; locale?: string };

/**
 * A phone-sized context whose clock is pinned to the emulator's at `emulatorUrl` (and flows from there: no page reads
 * the machine's date); `openid` pins the emulator's dev identity (Taro keeps storage as {"data": …} in localStorage).
 */
export async function phoneContext(
  browser: Browser,
  emulatorUrl: string,
  opts: { openid?: string; geolocation?: { latitude: number; longitude: number; accuracy?: number } } & ScreenOpts = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: opts.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  await context.clock.install({ time: await emulatorNow(emulatorUrl) });
  if (opts.openid) {
    await context.addInitScript((openid: string) => {
      if (!window.localStorage.getItem('dev-openid')) window.localStorage.setItem('dev-openid', JSON.stringify({ data: openid }));
    }, opts.openid);
  }
  return context;
}

/** h5 keeps earlier pages of the stack in the DOM (hidden): look only at the page on top. */
export const onTop = (page: Page, selector: string) => page.locator(`${selector}:visible`);

/** Polls until `check` stops throwing (pages render asynchronously). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Picks `option` in an OptionPicker (components/option-picker) whose trigger has the class `trigger`. */
export async function pickOption(page: Page, trigger: string, option: string): Promise<void> {
  await onTop(page, `.${trigger}`).click();
  await onTop(page, `.${trigger}-options .option-item`).filter({ hasText: option }).first().click();
}

/** Confirms the Taro h5 modal (Taro.showModal) after checking its title. */
export async function confirmModal(page: Page, title: string): Promise<string> {
  // The wrapper has no box of its own (its parts are position: fixed): look at the dialog.
  const dialog = page.locator('.taro-modal__content:visible');
  await dialog.locator('.taro-modal__title').filter({ hasText: title }).waitFor();
  const content = await dialog.locator('.taro-modal__text').innerText();
  await dialog.locator('.taro-model__confirm').click();
  return content;
}

/** Opens routes of the h5 app as a given WeChat user, each in its own phone context; closeAll ends them. */
export function pageOpener(browser: () => Browser, baseUrl: () => string) {
  const contexts: BrowserContext[] = [];
  return {
    /** `geolocation` (WGS-84, as a browser reports it) grants the location permission too. */
    async open(
      openid: string,
      route: string,
      opts: { geolocation?: { latitude: number; longitude: number; accuracy?: number } } & ScreenOpts = {},
    ): Promise<Page> {
      const context = await phoneContext(browser(), baseUrl(), { openid, ...opts });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/#${route}`);
      return page;
    },
    /** Moves every open phone's clock to the emulator's (after the test moved the emulator's). */
    async syncClocks(): Promise<void> {
      const now = await emulatorNow(baseUrl());
      for (const c of contexts) await c.clock.setSystemTime(now);
    },
    async closeAll(): Promise<void> {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    },
  };
}
