// The SDK either throws or returns { code, message } for a refused request: normalise both into DbError.
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

function asDbError(value: unknown): DbError | undefined {
  if (value instanceof DbError) return value;
  if (value && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code) {
    const v = value as { code: string; message?: string };
    return new DbError(v.code, v.message ?? '');
  }
  return undefined;
}

export async function unwrap<T>(request: Promise<T> | T): Promise<T> {
  let result: T;
  try {
    result = await request;
  } catch (err) {
    throw asDbError(err) ?? err;
  }
  const refused = asDbError(result);
  if (refused) throw refused;
  return result;
}

export const isDuplicateWrite = (err: unknown): boolean => err instanceof DbError && err.code === 'DATABASE_DUPLICATE_WRITE';

/** Runs a write; false when a unique index (or the document's own _id) refused it as a duplicate. */
export async function writtenUnlessDuplicate(request: Promise<unknown>): Promise<boolean> {
  try {
    await unwrap(request);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/**
 * MongoDB's refusal of a document over 16 MB (a $lookup joining more, or a larger aggregation result), which CloudBase
 * passes on with MongoDB's message: it names the limit in bytes (16793600 or 16777216) or BSONObjectTooLarge.
 */
export const isOverDocumentLimit = (err: unknown): boolean =>
  err instanceof DbError && /16793600|16777216|BSONObjectTooLarge|exceeds.*16\s?MB/i.test(err.message);
