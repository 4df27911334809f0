// The text of a platform API's failure (Taro rejects with { errMsg }, browsers with Errors).
export const errMsgOf = (e: unknown): string =>
  String((e as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (e as { message?: unknown } | null)?.message ?? e);
