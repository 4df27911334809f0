// The one error type callers of the services see: a wire code to switch on and a Chinese message to show.
import { ErrorMessage, type ErrorCodeValue } from '@contract/errors';

/** Wire codes plus the two the client itself can raise. */
export type CloudErrorCode = ErrorCodeValue | 'NETWORK' | 'BAD_RESPONSE';

export const NETWORK_MESSAGE = '网络异常，请检查网络后重试';

export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly details?: unknown;

  constructor(code: CloudErrorCode, message: string, details?: unknown) {
    super(message);
    // Transpiled classes lose the prototype of Error subclasses; keep instanceof honest.
    Object.setPrototypeOf(this, CloudError.prototype);
    this.name = 'CloudError';
    this.code = code;
    this.details = details;
  }
}

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CloudError');
}

/** Any thrown value as a CloudError, so pages can always switch on `code` and show `message`. */
export function toCloudError(e: unknown): CloudError {
  if (isCloudError(e)) return e;
  return new CloudError('INTERNAL', ErrorMessage.INTERNAL, e instanceof Error ? e.message : e);
}
