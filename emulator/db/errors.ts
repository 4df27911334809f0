// Why: one place for the error codes/messages CloudBase answers, so every failure of the emulator has the shape the SDK surfaces.
//
// The node-sdk turns any HTTP-200 JSON body with a truthy top-level `code` into a thrown
// TcbError { code, message, requestId } (node-sdk/src/utils/tcbapirequester.ts `request()`), or
// returns it as `{ code, message }` when `tcb.setThrowOnCode(false)` is in effect.

export const ErrorCode = {
  /** Bad request fields, bad EJSON, bad query/update shapes. */
  INVALID_PARAM: 'INVALID_PARAM',
  /** Emulator-only: a CloudBase feature this emulator deliberately does not implement. */
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  /** https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE: index key duplicate (same _id or unique index). */
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  /** https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT; runTransaction retries on exactly this code. */
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  /** Operation on a transaction that is committed, aborted, expired or unknown. */
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  /** A MongoDB-level failure while applying a well-formed request (e.g. $push on a non-array). */
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  /** Unexpected emulator failure (a bug): still answered, never a crash. */
  SYS_ERR: 'SYS_ERR',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DbError extends Error {
  readonly code: ErrorCodeValue;
  constructor(code: ErrorCodeValue, message: string) {
    super(message);
    this.code = code;
    this.name = 'DbError';
  }
}

export const invalidParam = (message: string): DbError => new DbError(ErrorCode.INVALID_PARAM, message);

export const notImplemented = (what: string): DbError => new DbError(ErrorCode.NOT_IMPLEMENTED, `emulator does not implement ${what}`);

export const requestFailed = (message: string): DbError => new DbError(ErrorCode.REQUEST_FAILED, message);

// Messages below are the ones CloudBase's server answers, as recorded in TencentCloudBase/tcb-admin-node
// test/database/unit/transaction.test.ts ("冲突检测", "读偏", "事务提交后, 不能进行其它操作").
export const transactionConflict = (): DbError =>
  new DbError(
    ErrorCode.TRANSACTION_CONFLICT,
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );

export const transactionNotExist = (): DbError =>
  new DbError(
    ErrorCode.TRANSACTION_FAIL,
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );

export const collectionNotExist = (name: string): DbError => new DbError(ErrorCode.COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`);

export const duplicateWrite = (collection: string, index: string, key: string): DbError =>
  new DbError(ErrorCode.DUPLICATE_WRITE, `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`);

/** The JSON body answered for an error (always with HTTP 200, like CloudBase). */
export function errorBody(err: unknown, requestId: string): { code: string; message: string; requestId: string } {
  if (err instanceof DbError) return { code: err.code, message: err.message, requestId };
  const message = err instanceof Error ? err.message : String(err);
  return { code: ErrorCode.SYS_ERR, message: `emulator internal error: ${message}`, requestId };
}
