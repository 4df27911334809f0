// What a function accepts and what its answer may repeat: events are bounded before any schema walks them, and
// refusals say where and why in Chinese without echoing what was sent (a 100 kB field must not come back).
import type { z } from 'zod';

/** How deep and how large an event may be: real inputs nest 3 levels and hold a few dozen values (an xlsx travels as one string). */
export const MAX_EVENT_DEPTH = 16;
export const MAX_EVENT_NODES = 5000;
/** What an error answer may repeat of the input: paths and messages are cut, values never echoed. */
const MAX_ISSUES = 10;
const MAX_TEXT = 120;
export const MAX_MESSAGE = 300;
const MAX_PATH = 8;

/** Why an event is refused before any schema runs (nested too deep, too many values), or undefined. Iterative: no stack to overflow. */
export function eventShapeProblem(event: unknown): string | undefined {
  const stack: [unknown, number][] = [[event, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++nodes > MAX_EVENT_NODES) return '请求包含的数据过多';
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_EVENT_DEPTH) return '请求数据嵌套过深';
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

export const cut = (s: string, max = MAX_TEXT) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** The Chinese messages of the contract (types/zod-messages), shared with the mini program's forms. */
export { contractErrorMap } from '@contract/zod-messages';

/**
 * Details a use case attached, as the answer shows them: short strings (an id the caller sent may be 100 kB), a few
 * items per list, a few levels. Real details (`{ distanceM, radiusM }`, `{ retryAfterSec }`) pass unchanged.
 */
export function boundedDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cut(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= 4) return undefined;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => boundedDetails(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 50)
      .map(([k, v]) => [cut(k), boundedDetails(v, depth + 1)]),
  );
}

/** The issues as the answer shows them: where and why, never what was sent (a 100 kB field must not come back). */
export function issuesForAnswer(issues: readonly z.ZodIssue[]): { code: string; path: (string | number)[]; message: string }[] {
  return issues.slice(0, MAX_ISSUES).map((i) => ({
    code: i.code,
    path: i.path.slice(0, MAX_PATH).map((p) => (typeof p === 'string' ? cut(p) : p)),
    message: cut(i.message),
  }));
}
