// Runs Taro's weapp build inside miniprogram-simulate: App/getApp/getCurrentPages, and Page() mapped onto Component().
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { areaList } from '@vant/area-data';

/** MP_WEAPP_DIR: another weapp build (a parallel run) instead of dist/weapp. */
export const DIST = process.env.MP_WEAPP_DIR ? path.resolve(process.env.MP_WEAPP_DIR) : path.resolve(__dirname, '../../dist/weapp');

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type Definition = Record<string, unknown>;
type Global = typeof globalThis & {
  App?: (def: Definition) => void;
  getApp?: () => Definition | undefined;
  getCurrentPages?: () => unknown[];
  Page?: (def: Definition) => void;
  Component: (def: Definition) => void;
  wx: Record<string, unknown>;
};
const g = globalThis as Global;

export type WxRequestOptions = {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (res: { data: unknown; statusCode: number; header: Record<string, string>; cookies: string[] }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: unknown) => void;
};
/** Answers a wx.request: return the response body, or throw to make the request fail. */
export type RequestHandler = (options: WxRequestOptions) => unknown;

/**
 * The mini program's clock in this layer: the phone's Date is pinned here (and flows on), and every mocked answer
 * carries it as the server's `serverTime`, so no page reads the machine's date.
 */
export const MP_CLOCK = '2026-11-23T02:00:00Z';

/** Fakes only Date (timers stay real, so rendering is untouched), starting at MP_CLOCK and advancing in real time. */
function pinClock(): void {
  jest.useFakeTimers({
    now: new Date(MP_CLOCK),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

let app: Definition | undefined;
const pages: unknown[] = [];
let handler: RequestHandler = () => {
  throw new Error('no request handler set');
};
export const requests: WxRequestOptions[] = [];

/** The subscribe templates the test build carries (scripts/run-step.mjs mpTestClientEnv sets the same ids). */
export const MP_TEMPLATES = { needProgress: 'tpl-need-progress', needTask: 'tpl-need-task' } as const;
/** Each wx.requestSubscribeMessage: its template ids and how many requests had been sent before it. */
export const subscribes: { tmplIds: string[]; requestsBefore: number }[] = [];
let subscribeAnswer: 'accept' | 'reject' = 'accept';
/** How the person answers the next consent requests (every template alike). */
export function answerSubscribe(answer: 'accept' | 'reject'): void {
  subscribeAnswer = answer;
}

function installSubscribeMock(): void {
  g.wx.requestSubscribeMessage = (options: { tmplIds: string[] } & Pick<WxRequestOptions, 'success' | 'complete'>) => {
    subscribes.push({ tmplIds: [...options.tmplIds], requestsBefore: requests.length });
    setTimeout(() => {
      const res = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, subscribeAnswer])) };
      (options.success as ((r: unknown) => void) | undefined)?.(res);
      (options.complete as ((r: unknown) => void) | undefined)?.(res);
    }, 0);
  };
}

/**
 * miniprogram-simulate's wx.createSelectorQuery().select() returns nothing (it only chains after `.in(component)`), so a
 * page measuring a node on the next tick (统计报表's chart canvas) throws whenever that tick comes before the test ends.
 * Stand in with a query that chains and finds nothing, as WeChat answers for a node not on screen; a test that installed
 * its own chaining query (share.test.ts: the poster canvas) keeps it.
 */
function installSelectorQuery(): void {
  const current = g.wx.createSelectorQuery as (() => { select?: (s: string) => unknown }) | undefined;
  const chains = (() => {
    try {
      return typeof (current?.().select?.('#probe') as { fields?: unknown } | undefined)?.fields === 'function';
    } catch {
      return false;
    }
  })();
  if (chains) return;
  g.wx.createSelectorQuery = () => {
    const query = {
      in: () => query,
      select: () => query,
      selectAll: () => query,
      fields: () => query,
      boundingClientRect: () => query,
      exec: (cb?: (res: unknown[]) => void) => setTimeout(() => cb?.([null]), 0),
    };
    return query;
  };
}

/** Route every wx.request of the app through `h` (the emulator is not running in this layer). */
export function onRequest(h: RequestHandler): void {
  handler = h;
}

/** user.regions answers the same static table everywhere, so the shim answers it (and leaves it out of `requests`). */
const isRegionsCall = (options: WxRequestOptions) =>
  options.url.endsWith('/functions/user') && (options.data as { action?: unknown } | undefined)?.action === 'regions';
const regionsAnswer = () => ({
  ok: true,
  data: { province: areaList.province_list, city: areaList.city_list, county: areaList.county_list },
});

function installRequestMock(): void {
  g.wx.request = (options: WxRequestOptions) => {
    const regions = isRegionsCall(options);
    if (!regions) requests.push(options);
    setTimeout(() => {
      try {
        const body = regions ? regionsAnswer() : handler(options);
        const data = body && typeof body === 'object' && 'ok' in body ? { ...body, serverTime: new Date().toISOString() } : body;
        const res = { data, statusCode: 200, header: { 'content-type': 'application/json' }, cookies: [] };
        options.success?.(res);
        options.complete?.(res);
      } catch (e) {
        const err = { errMsg: `request:fail ${e instanceof Error ? e.message : String(e)}` };
        options.fail?.(err);
        options.complete?.(err);
      }
    }, 0);
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  };
}

/**
 * The official WXML runtime warns "Template `tmpl_0_i` not found" for Taro's recursive templates under simulate,
 * and jest prints each warning with a code frame of the minified bundle; keep other warnings visible.
 */
function quietRuntimeNoise(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /^WXMLRT_.*Template `tmpl_\d+_\w+` not found/.test(args[0])) return;
    warn(...args);
  };
}

/** Loads dist/weapp/app.js once (it pulls in the runtime chunks every page needs) and launches the app. */
export function launchApp(): void {
  if (app) return;
  pinClock();
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`${DIST}/app.js not found: build the mini program first (npm run build:weapp) before the mp tests`);
  }
  g.App = (def) => {
    app = def;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  installRequestMock();
  installSubscribeMock();
  installSelectorQuery();
  quietRuntimeNoise();
  require(path.join(DIST, 'app.js'));
  const instance = g.getApp();
  if (!instance) throw new Error('dist/weapp/app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
  (instance.onLaunch as Fn | undefined)?.call(instance, launch);
  (instance.onShow as Fn | undefined)?.call(instance, launch);
}

const loaded: Record<string, string> = {};
/** The query each route was last rendered with (the component is registered once, the query read on attach). */
const queries: Record<string, Record<string, string>> = {};

/**
 * Renders a page of the build (route like `pages/register/index`) and attaches it, running onLoad/onShow/onReady.
 * A page's chunk runs (and calls Page()) only once per process, so its component is registered once and re-rendered.
 */
export function renderPage(route: string, query: Record<string, string> = {}) {
  launchApp();
  queries[route] = query;
  if (!loaded[route]) {
    g.Page = (def) => g.Component(pageAsComponent(route, def));
    loaded[route] = simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST });
  }
  const page = simulate.render(loaded[route]);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

function pageAsComponent(route: string, def: Definition): Definition {
  const methods: Record<string, Fn> = {};
  for (const [key, value] of Object.entries(def)) if (typeof value === 'function') methods[key] = value as Fn;
  return {
    data: (def.data as Definition | undefined) ?? {},
    methods,
    lifetimes: {
      attached(this: Definition) {
        const query = queries[route] ?? {};
        this.route = route;
        this.__route__ = route;
        this.options = query;
        pages.push(this);
        methods.onLoad?.call(this, query);
        methods.onShow?.call(this);
        methods.onReady?.call(this);
      },
      detached(this: Definition) {
        methods.onUnload?.call(this);
        pages.splice(pages.indexOf(this), 1);
      },
    },
  };
}

/** Waits until `check` passes (Taro renders asynchronously), failing with the last error after `timeoutMs`. */
export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await simulate.sleep(20);
    }
  }
}

/** A rendered page, one of its nodes, and a function call's body as the shim records it. */
export type Page = ReturnType<typeof renderPage>;
export type Node = NonNullable<ReturnType<Page['querySelector']>>;
export type Body = { action: string } & Record<string, unknown>;

export const text = (node: Page | Node) => node.dom?.textContent ?? '';
export function find(page: Page, selector: string): Node {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`${selector} not rendered`);
  return node;
}
export const tap = (page: Page, selector: string) => find(page, selector).dispatchEvent('tap');
/** Types into an Input the way WeChat reports it (an input event with the whole value). */
export const type = (page: Page, selector: string, value: string) => find(page, selector).dispatchEvent('input', { detail: { value } });
