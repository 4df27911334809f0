// Coded failures raised by use cases and mapped by the handler to { ok:false, code, message }.
import { ErrorCode, ErrorMessage, type ErrorCodeValue } from '@contract/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ErrorMessage[code]);
  }
}

export const fail = (code: ErrorCodeValue, message?: string, details?: unknown): never => {
  throw new AppError(code, message, details);
};

export { ErrorCode };
