// Measures 长辈模式 (适老化) in the h5 build: the smallest text by role, the smallest tap target and the lowest text
// contrast of a page or a popup, with getComputedStyle and getBoundingClientRect, and every element under a threshold.
import type { Page } from 'playwright-core';

export interface Measure {
  body: number;
  secondary: number;
  tag: number;
  tap: number;
  contrast: number;
  /** The elements that set each minimum, to say what to fix when a threshold breaks. */
  where: Record<'body' | 'secondary' | 'tag' | 'tap' | 'contrast', string>;
  scanIsLargest: boolean | null;
  /** Every element under a threshold, to say what to fix when one breaks. */
  offenders: string[];
}

/** The thresholds of 长辈模式 (px, px, px, px, ratio); the standard mode is held to the contrast only. */
export const ELDER = { body: 18, secondary: 16, tag: 14, tap: 48, contrast: 4.5 };
export const STANDARD = { body: 0, secondary: 0, tag: 0, tap: 0, contrast: 4.5 };
export type Limits = typeof ELDER;

/**
 * Runs in the page. Text elements: every visible element with a text node of its own (and every empty input showing a
 * placeholder). Roles: a tag is text inside .nut-tag, .chip, a count badge or a pill of the hero band; body is text in the main text colours
 * (--app-text, --app-text-body); every other text (grey captions, coloured links, text on the hero band) is secondary.
 * Tap targets: .nut-button, and every element with a click handler (React's onClick, or Taro's h5 components' own). Contrast: WCAG 2
 * relative luminance of the text colour (its alpha and the opacity of its ancestors blended in) against the background
 * composed from the element up to the first opaque layer; on a gradient, the worst of its colour stops.
 */
function measurePage({ limits, scope }: { limits: Limits; scope?: string }): Measure {
  type RGBA = [number, number, number, number];
  const TAG = '.nut-tag, .chip, .seg-tabs__count, .mine__badge, .act-detail__phase, .act-detail__chip, .org-detail__level';
  const parse = (c: string): RGBA[] =>
    [...c.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
      const p = m[1]
        .split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    });
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const lum = (c: RGBA) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The possible backgrounds behind `el` (several on a gradient), opaque. */
  const backgrounds = (el: Element | null): RGBA[] => {
    const layers: RGBA[] = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage.includes('gradient')) {
        const stops = parse(s.backgroundImage);
        const below = backgrounds(e.parentElement);
        const all = stops.flatMap((stop) => below.map((b) => over(stop, b)));
        return all.map((b) => layers.reduceRight((acc, l) => over(l, acc), b));
      }
      const bg = parse(s.backgroundColor)[0];
      if (bg && bg[3] > 0) {
        if (bg[3] >= 1) return [layers.reduceRight((acc, l) => over(l, acc), bg)];
        layers.push(bg);
      }
    }
    return [layers.reduceRight((acc, l) => over(l, acc), [255, 255, 255, 1] as RGBA)];
  };
  const opacity = (el: Element) => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent || '').trim().slice(0, 16)}"`;
  const page = Array.from(document.querySelectorAll('.taro_page')).find((p) => p.checkVisibility());
  const pageRoot = page?.querySelector('.app-page') ?? document.body;
  // A popup (a sheet, a picker) is measured alone: `scope` names it, wherever it is mounted.
  const root = scope ? (Array.from(document.querySelectorAll(scope)).find((e) => e.checkVisibility()) ?? pageRoot) : pageRoot;
  const mainColours = ['--app-text', '--app-text-body'].map((v) => getComputedStyle(root).getPropertyValue(v).trim());
  const probe = document.createElement('span');
  root.appendChild(probe);
  const main = mainColours.map((c) => {
    probe.style.color = c;
    return getComputedStyle(probe).color;
  });
  probe.remove();

  const m: Measure = {
    body: Infinity,
    secondary: Infinity,
    tag: Infinity,
    tap: Infinity,
    contrast: Infinity,
    where: { body: '', secondary: '', tag: '', tap: '', contrast: '' },
    scanIsLargest: null,
    offenders: [],
  };
  const note = (key: 'body' | 'secondary' | 'tag' | 'tap' | 'contrast', value: number, el: Element) => {
    if (value < limits[key]) m.offenders.push(`${key} ${value.toFixed(2)} ${name(el)}`);
    if (value < m[key]) {
      m[key] = value;
      m.where[key] = name(el);
    }
  };
  const texts: { el: Element; color: string; size: number }[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    const s = getComputedStyle(el);
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.placeholder && !el.value) {
      texts.push({ el, color: getComputedStyle(el, '::placeholder').color, size: parseFloat(s.fontSize) });
    } else if (Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || '').trim())) {
      texts.push({ el, color: s.color, size: parseFloat(s.fontSize) });
    }
  }
  for (const { el, color, size } of texts) {
    const role = el.closest(TAG) ? 'tag' : main.includes(color) ? 'body' : 'secondary';
    note(role, size, el);
    const fg = parse(color)[0];
    const alpha = fg[3] * opacity(el);
    for (const bg of backgrounds(el)) note('contrast', ratio(over([fg[0], fg[1], fg[2], alpha], bg), bg), el);
  }
  const taps = Array.from(root.querySelectorAll('*')).filter((el) => {
    if (el.classList.contains('nut-button')) return true;
    if (el.classList.contains('nut-tag')) return false; // NutUI binds a click on every tag; ours are labels
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    const events = (el as Element & { __events?: Record<string, unknown> }).__events; // Taro's h5 components bind here
    if (events?.click || events?.tap) return true;
    return !!key && typeof (el as unknown as Record<string, { onClick?: unknown }>)[key]?.onClick === 'function';
  });
  let largest = 0;
  for (const el of taps) {
    if (!visible(el)) continue;
    const h = el.getBoundingClientRect().height;
    note('tap', h, el);
    if (el.classList.contains('nut-button')) largest = Math.max(largest, h);
  }
  const scan = root.querySelector('.home-scan');
  if (scan) m.scanIsLargest = scan.getBoundingClientRect().height >= largest;
  return m;
}

/** Measures the page shown (or only the visible element matching `scope`, a popup). */
export async function measure(page: Page, limits: Limits, scope?: string): Promise<Measure> {
  await page.waitForTimeout(400); // Skeletons and transitions settle.
  return page.evaluate(measurePage, { limits, scope });
}

/** Prints each page's minimums, and every element under a threshold. */
export function report(mode: string, all: Record<string, Measure>): void {
  const lines = Object.entries(all).map(
    ([name, m]) =>
      `${name}: body ${m.body}px (${m.where.body}), secondary ${m.secondary}px (${m.where.secondary}), tag ${m.tag}px (${m.where.tag}), ` +
      `tap ${m.tap.toFixed(1)}px (${m.where.tap}), contrast ${m.contrast.toFixed(2)} (${m.where.contrast})` +
      m.offenders.map((o) => `\n  under the threshold: ${o}`).join(''),
  );
  console.log(`${mode}\n${lines.join('\n')}`);
}
