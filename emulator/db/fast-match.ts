// Why: mingo evaluates `{orgId: {$in: [100 ids]}}` by building value sets per document, so report queries over tens of
// thousands of day records spent seconds in the emulator that CloudBase answers from an index. This decides the
// common plain conditions directly: equality, $in, $eq and range comparisons on top-level string/number/boolean
// fields, ranges of Dates, and a top-level $and of them (as the SDK writes `_.and([_.gte(a), _.lte(b)])`). Anything else (arrays,
// objects, dates compared with non-dates, nulls, mixed types, other operators) answers `undefined` and mingo decides: the semantics stay mingo's.
type Doc = Record<string, unknown>;
type Verdict = boolean | undefined;
type Test = (doc: Doc) => Verdict;

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function and(tests: Test[]): Test {
  return (doc) => {
    let unknown = false;
    for (const t of tests) {
      const r = t(doc);
      if (r === false) return false;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  };
}

/** A condition on one field's value: a primitive (equality) or an object of the operators handled here. */
function fieldTest(field: string, cond: unknown): Test | null {
  if (isPrimitive(cond)) {
    return (doc) => {
      const v = doc[field];
      return isPrimitive(v) ? v === cond : v === undefined || v === null ? false : undefined;
    };
  }
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return null;
  const tests: Test[] = [];
  for (const [op, operand] of Object.entries(cond as Record<string, unknown>)) {
    if (op === '$eq') {
      const t = fieldTest(field, operand);
      if (!t || !isPrimitive(operand)) return null;
      tests.push(t);
    } else if (op === '$in') {
      if (!Array.isArray(operand) || !operand.every(isPrimitive)) return null;
      const set = new Set<unknown>(operand);
      tests.push((doc) => {
        const v = doc[field];
        return isPrimitive(v) ? set.has(v) : v === undefined || v === null ? false : undefined;
      });
    } else if ((op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') && operand instanceof Date) {
      // A range of times (`updatedAt > t`): Date against Date by value; anything else but a missing field goes to mingo.
      const at = operand.getTime();
      if (Number.isNaN(at)) return null;
      tests.push((doc) => {
        const v = doc[field];
        if (!(v instanceof Date)) return v === undefined || v === null ? false : undefined;
        const a = v.getTime();
        if (Number.isNaN(a)) return undefined;
        return op === '$gt' ? a > at : op === '$gte' ? a >= at : op === '$lt' ? a < at : a <= at;
      });
    } else if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') {
      if (typeof operand !== 'string' && typeof operand !== 'number') return null;
      tests.push((doc) => {
        const v = doc[field];
        if (typeof v !== typeof operand) return v === undefined || v === null ? false : undefined;
        const a = v as string | number;
        return op === '$gt' ? a > operand : op === '$gte' ? a >= operand : op === '$lt' ? a < operand : a <= operand;
      });
    } else {
      return null;
    }
  }
  return tests.length ? and(tests) : null;
}

/**
 * A fast verdict for `query`, or null when it holds anything this does not handle. A verdict of `undefined` for a
 * document means "ask mingo".
 */
export function compileFast(query: Record<string, unknown>): Test | null {
  const tests: Test[] = [];
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and') {
      if (!Array.isArray(cond)) return null;
      for (const part of cond) {
        if (!part || typeof part !== 'object' || Array.isArray(part)) return null;
        const t = compileFast(part as Record<string, unknown>);
        if (!t) return null;
        tests.push(t);
      }
    } else if (key.startsWith('$') || key.includes('.')) {
      return null;
    } else {
      const t = fieldTest(key, cond);
      if (!t) return null;
      tests.push(t);
    }
  }
  return tests.length ? and(tests) : null;
}
