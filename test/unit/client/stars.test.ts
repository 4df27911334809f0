// 我的's star line: the standing and the rule in words from STAR_HOURS, and the hero band it sits on keeps white text
// at 4.5:1 or better (WCAG 2 contrast of --app-on-primary against each stop of --app-hero).
import fs from 'node:fs';
import path from 'node:path';
import { STAR_HOURS } from '@contract/report';
import { starRule, starStanding } from '../../../src/utils/stars';

describe('starRule', () => {
  it('says the whole scale in words', () => {
    expect(starRule()).toBe('累计服务满100小时为一星，300小时二星，600小时三星，1000小时四星，1500小时五星');
  });
  it('names every threshold of STAR_HOURS', () => {
    for (const h of STAR_HOURS) expect(starRule()).toContain(`${h}小时`);
  });
});

describe('starStanding', () => {
  it('counts whole hours to the next star, from nothing to five stars', () => {
    expect(starStanding(0)).toBe('志愿者 · 距一星还差100小时');
    expect(starStanding(99 * 60 + 59)).toBe('志愿者 · 距一星还差1小时');
    expect(starStanding(100 * 60)).toBe('一星志愿者 · 距二星还差200小时');
    expect(starStanding(320 * 60)).toBe('二星志愿者 · 距三星还差280小时');
    expect(starStanding(1500 * 60)).toBe('五星志愿者 · 已达最高星级');
  });
});

describe('the hero band under the star line', () => {
  const scss = fs.readFileSync(path.join(__dirname, '../../../src/styles/colors.scss'), 'utf8');
  const variable = (name: string) => new RegExp(`--${name}:\\s*([^;]+);`).exec(scss)?.[1] ?? '';
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);

  it('keeps white text at 4.5:1 or better against every stop of the band', () => {
    const text = full(variable('app-on-primary').trim());
    const stops = variable('app-hero').match(/#[0-9a-f]{6}/gi) ?? [];
    expect(stops.length).toBeGreaterThan(0);
    for (const stop of stops) expect({ stop, ok: contrast(text, stop) >= 4.5 }).toEqual({ stop, ok: true });
  });
});
