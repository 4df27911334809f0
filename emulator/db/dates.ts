// Why: MongoDB's date expression operators ($week, $isoWeekYear, $dateToString, …) with MongoDB's numbering and timezone rules; mingo's own number weeks and ISO years differently.
import { computeValue, type Options } from 'mingo/core';
import { isDate, isObjectId, isPlainObject } from './ejson';
import { invalidParam, notImplemented, requestFailed } from './errors';

type Expr = (obj: Record<string, unknown>, expr: unknown, options: Options) => unknown;

/** A date seen in a timezone: the wall-clock fields plus the UTC offset in minutes. */
interface Local {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 0-based day of the year. */
  yday: number;
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw requestFailed(`unrecognized time zone identifier: "${tz}"`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** UTC offset (minutes) of `tz` at instant `t`: an Olson name or ±hh, ±hhmm, ±hh:mm (MongoDB's accepted forms). */
function offsetMinutes(tz: string | undefined, t: number): number {
  if (tz === undefined) return 0;
  const fixed = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(tz);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(tz).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60000);
}

function local(d: Date, tz: string | undefined): Local {
  const offset = offsetMinutes(tz, d.getTime());
  const l = new Date(d.getTime() + offset * 60000);
  const year = l.getUTCFullYear();
  return {
    year,
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
    millisecond: l.getUTCMilliseconds(),
    weekday: l.getUTCDay(),
    yday: Math.floor((Date.UTC(year, l.getUTCMonth(), l.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000),
    offset,
  };
}

/** %U: weeks start on Sunday; days before the year's first Sunday are week 0. */
const sundayWeek = (p: Local) => Math.floor((p.yday + 7 - p.weekday) / 7);
const isoWeekday = (p: Local) => (p.weekday === 0 ? 7 : p.weekday);

/** ISO 8601 week-numbering year and week: the week (Mon–Sun) belongs to the year holding its Thursday. */
function isoWeek(p: Local): { year: number; week: number } {
  const thursday = new Date(Date.UTC(p.year, p.month - 1, p.day + 4 - isoWeekday(p)));
  const year = thursday.getUTCFullYear();
  const yday = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86400000);
  return { year, week: Math.floor(yday / 7) + 1 };
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** A date operand: a Date, or an ObjectId (its timestamp), like MongoDB; null/missing → null. */
function toDate(v: unknown, op: string): Date | null {
  if (v === null || v === undefined) return null;
  if (isDate(v)) return v;
  if (isObjectId(v)) return v.getTimestamp();
  throw requestFailed(`${op}: can't convert from BSON type ${typeName(v)} to Date`);
}

function toZone(v: unknown, op: string): string | undefined | null {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string') throw requestFailed(`${op}: timezone must evaluate to a string, found ${typeName(v)}`);
  return v;
}

/** The operand forms of $year etc.: `<date>`, `[<date>]` or `{ date, timezone }`. */
function dateAndZone(
  obj: Record<string, unknown>,
  expr: unknown,
  options: Options,
  op: string,
): { date: Date; tz: string | undefined } | null {
  let dateExpr = expr;
  let tzExpr: unknown;
  if (Array.isArray(expr)) {
    if (expr.length !== 1) throw requestFailed(`${op} takes exactly 1 argument, ${expr.length} were passed in`);
    dateExpr = expr[0];
  } else if (isPlainObject(expr) && 'date' in expr) {
    for (const k of Object.keys(expr)) if (k !== 'date' && k !== 'timezone') throw requestFailed(`unrecognized option to ${op}: ${k}`);
    dateExpr = expr.date;
    tzExpr = expr.timezone;
  }
  const date = toDate(computeValue(obj, dateExpr, null, options), op);
  const tz = toZone(tzExpr === undefined ? undefined : computeValue(obj, tzExpr, null, options), op);
  if (date === null || tz === null) return null;
  return { date, tz };
}

function part(op: string, pick: (p: Local) => number): Expr {
  return (obj, expr, options) => {
    const v = dateAndZone(obj, expr, options, op);
    return v === null ? null : pick(local(v.date, v.tz));
  };
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function format(p: Local, fmt: string): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const s = fmt[++i];
    switch (s) {
      case 'Y':
        out += pad(p.year, 4);
        break;
      case 'm':
        out += pad(p.month, 2);
        break;
      case 'd':
        out += pad(p.day, 2);
        break;
      case 'H':
        out += pad(p.hour, 2);
        break;
      case 'M':
        out += pad(p.minute, 2);
        break;
      case 'S':
        out += pad(p.second, 2);
        break;
      case 'L':
        out += pad(p.millisecond, 3);
        break;
      case 'j':
        out += pad(p.yday + 1, 3);
        break;
      case 'w':
        out += String(p.weekday + 1);
        break;
      case 'u':
        out += String(isoWeekday(p));
        break;
      case 'U':
        out += pad(sundayWeek(p), 2);
        break;
      case 'V':
        out += pad(isoWeek(p).week, 2);
        break;
      case 'G':
        out += pad(isoWeek(p).year, 4);
        break;
      case 'z':
        out += `${p.offset < 0 ? '-' : '+'}${pad(Math.trunc(p.offset / 60), 2)}${pad(p.offset % 60, 2)}`;
        break;
      case 'Z':
        out += String(p.offset);
        break;
      case '%':
        out += '%';
        break;
      case undefined:
        throw requestFailed("$dateToString: unmatched '%' at end of format string");
      default:
        throw requestFailed(`$dateToString: invalid format character '%${s}' in format string`);
    }
  }
  return out;
}

const $dateToString: Expr = (obj, expr, options) => {
  if (!isPlainObject(expr)) throw requestFailed('$dateToString only supports an object as its argument');
  for (const k of Object.keys(expr))
    if (!['date', 'format', 'timezone', 'onNull'].includes(k)) throw requestFailed(`unrecognized parameter to $dateToString: ${k}`);
  if (!('date' in expr)) throw requestFailed("Missing 'date' parameter to $dateToString");
  const date = toDate(computeValue(obj, expr.date, null, options), '$dateToString');
  const fmt = expr.format === undefined ? '%Y-%m-%dT%H:%M:%S.%LZ' : computeValue(obj, expr.format, null, options);
  const tz = toZone(expr.timezone === undefined ? undefined : computeValue(obj, expr.timezone, null, options), '$dateToString');
  if (fmt === null || fmt === undefined || tz === null) return null;
  if (typeof fmt !== 'string') throw requestFailed(`$dateToString requires that 'format' be a string, found: ${typeName(fmt)}`);
  if (date === null) return 'onNull' in expr ? (computeValue(obj, expr.onNull, null, options) ?? null) : null;
  return format(local(date, tz), fmt);
};

const $dateToParts: Expr = (obj, expr, options) => {
  if (!isPlainObject(expr)) throw requestFailed('$dateToParts only supports an object as its argument');
  for (const k of Object.keys(expr))
    if (!['date', 'timezone', 'iso8601'].includes(k)) throw requestFailed(`unrecognized option to $dateToParts: ${k}`);
  const date = toDate(computeValue(obj, expr.date, null, options), '$dateToParts');
  const tz = toZone(expr.timezone === undefined ? undefined : computeValue(obj, expr.timezone, null, options), '$dateToParts');
  const iso = expr.iso8601 === undefined ? false : computeValue(obj, expr.iso8601, null, options);
  if (date === null || tz === null || iso === null) return null;
  if (typeof iso !== 'boolean') throw requestFailed(`iso8601 must evaluate to a bool, found ${typeName(iso)}`);
  const p = local(date, tz);
  const time = { hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond };
  if (iso) {
    const w = isoWeek(p);
    return { isoWeekYear: w.year, isoWeek: w.week, isoDayOfWeek: isoWeekday(p), ...time };
  }
  return { year: p.year, month: p.month, day: p.day, ...time };
};

/** Replacements for mingo's date operators, keyed by operator name. */
export function dateOperators(mingoOps: Record<string, Expr>): Record<string, Expr> {
  const refuse =
    (op: string, why: string): Expr =>
    () => {
      throw notImplemented(`${op} (${why})`);
    };
  const $dateFromParts: Expr = (obj, expr, options) => {
    if (isPlainObject(expr) && ('isoWeekYear' in expr || 'isoWeek' in expr || 'isoDayOfWeek' in expr)) {
      throw notImplemented('$dateFromParts with ISO week fields (isoWeekYear/isoWeek/isoDayOfWeek)');
    }
    return mingoOps.$dateFromParts(obj, expr, options);
  };
  const $dateFromString: Expr = (obj, expr, options) => {
    if (!isPlainObject(expr)) throw invalidParam('$dateFromString needs an object');
    for (const k of Object.keys(expr)) {
      if (k !== 'dateString' && k !== 'onNull') throw notImplemented(`$dateFromString option '${k}'`);
    }
    return mingoOps.$dateFromString(obj, expr, options);
  };
  return {
    $year: part('$year', (p) => p.year),
    $month: part('$month', (p) => p.month),
    $dayOfMonth: part('$dayOfMonth', (p) => p.day),
    $hour: part('$hour', (p) => p.hour),
    $minute: part('$minute', (p) => p.minute),
    $second: part('$second', (p) => p.second),
    $millisecond: part('$millisecond', (p) => p.millisecond),
    $dayOfYear: part('$dayOfYear', (p) => p.yday + 1),
    $dayOfWeek: part('$dayOfWeek', (p) => p.weekday + 1),
    $week: part('$week', sundayWeek),
    $isoWeek: part('$isoWeek', (p) => isoWeek(p).week),
    $isoWeekYear: part('$isoWeekYear', (p) => isoWeek(p).year),
    $isoDayOfWeek: part('$isoDayOfWeek', isoWeekday),
    $dateToString,
    $dateToParts,
    $dateFromParts,
    $dateFromString,
    $dateAdd: refuse('$dateAdd', "not among CloudBase's documented aggregation operators; mingo clamps months differently"),
    $dateSubtract: refuse('$dateSubtract', "not among CloudBase's documented aggregation operators; mingo clamps months differently"),
    $dateDiff: refuse('$dateDiff', "not among CloudBase's documented aggregation operators"),
    $dateTrunc: refuse('$dateTrunc', "not among CloudBase's documented aggregation operators"),
  };
}
