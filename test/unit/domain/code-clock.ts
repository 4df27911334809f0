// The secrets and the clock both check-in code tests (long payloads, scenes) sign and verify with.
export const SECRET = Buffer.from('a'.repeat(64), 'hex');
export const OTHER = Buffer.from('b'.repeat(64), 'hex');
/** 2026-12-01T01:00:00Z, the start of a 30-second step. */
export const T0 = Date.parse('2026-12-01T01:00:00Z');
export const S0 = T0 / 30_000;
export const at = (ms: number) => new Date(T0 + ms);
