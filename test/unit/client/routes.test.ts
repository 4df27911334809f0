// src/routes.ts: every address a page builds names a page the app declares, with its parameters encoded once.
import { routes, tabs, withQuery } from '../../../src/routes';

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] };
// app.config.ts calls Taro's global defineAppConfig, which only hands its argument back.
(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = (require('../../../src/app.config') as { default: AppConfig }).default;
const declared = new Set([
  ...config.pages.map((p) => `/${p}`),
  ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
]);

describe('routes', () => {
  it('every builder and tab leads to a page declared in app.config', () => {
    const built = Object.values(routes).map((build) => (build as (...a: unknown[]) => string)('x', 'in'));
    for (const url of [...built, ...Object.values(tabs)]) expect(declared).toContain(url.split('?')[0]);
    expect(declared.size).toBe(50);
  });
  it('encodes parameters and leaves out the empty ones', () => {
    expect(routes.orgDetail('a b&c')).toBe('/pages/org-detail/index?orgId=a%20b%26c');
    expect(routes.orgDetail('lz', { join: true })).toBe('/pages/org-detail/index?orgId=lz&join=1');
    expect(routes.activityDetail('a1', { from: 'Tk3nAbC9' })).toBe('/pages/activity-detail/index?id=a1&from=Tk3nAbC9');
    expect(routes.activityDetail('a1', { from: undefined })).toBe('/pages/activity-detail/index?id=a1');
    expect(routes.register('lz')).toBe('/pages/register/index?orgId=lz');
    expect(routes.register()).toBe('/pages/register/index');
    expect(routes.checkinCode('act1', 'out')).toBe('/admin/checkin-code/index?activityId=act1&kind=out');
    expect(routes.myCode()).toBe('/pages/my-code/index');
    expect(routes.myCode('')).toBe('/pages/my-code/index');
    expect(routes.scan({ auto: true })).toBe('/pages/scan/index?auto=1');
    expect(routes.scan({ activityId: 'act1', auto: true })).toBe('/pages/scan/index?activityId=act1&auto=1');
    expect(routes.verify('KJZY-2026-0001')).toBe('/pages/verify/index?no=KJZY-2026-0001');
    expect(routes.needInbox()).toBe('/admin/need-inbox/index');
    expect(routes.needInbox('square')).toBe('/admin/need-inbox/index?tab=square');
    expect(routes.complaint({ activityId: 'a1' })).toBe('/pages/complaint/index?activityId=a1');
    expect(routes.complaint({ orgId: 'lz' })).toBe('/pages/complaint/index?orgId=lz');
    expect(withQuery('/p', { a: undefined, b: '', c: 0 })).toBe('/p?c=0');
  });
  it('tabs take no query (switchTab drops it)', () => {
    for (const url of Object.values(tabs)) expect(url).not.toContain('?');
  });
});
