// Debian's chromium through playwright-core, as a phone: the flags this machine needs (ARCHITECTURE.md).
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error('chromium is missing: run `apt-get install -y chromium fonts-noto-cjk` (npm test does it as root)');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A phone-sized context; `openid` pins the emulator's dev identity (Taro keeps storage as {"data": …} in localStorage). */
export async function phoneContext(browser: Browser, opts: { openid?: string; geolocation?: { latitude: number; longitude: number; accuracy?: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  if (opts.openid) {
    await context.addInitScript((openid: string) => {
      if (!window.localStorage.getItem('dev-openid')) window.localStorage.setItem('dev-openid', JSON.stringify({ data: openid }));
    }, opts.openid);
  }
  return context;
}

/** h5 keeps earlier pages of the stack in the DOM (hidden): look only at the page on top. */
export const onTop = (page: Page, selector: string) => page.locator(`${selector}:visible`);

/** Opens routes of the h5 app as a given WeChat user, each in its own phone context; closeAll ends them. */
export function pageOpener(browser: () => Browser, baseUrl: () => string) {
  const contexts: BrowserContext[] = [];
  return {
    async open(openid: string, route: string): Promise<Page> {
      const context = await phoneContext(browser(), { openid });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/#${route}`);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    },
  };
}
