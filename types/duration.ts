// Service time as people read it ("2小时5分钟"): one wording for the mini program, exports and certificates.

/** Whole minutes as "X小时Y分钟"; zero parts are left out ("2小时", "45分钟"), nothing at all is "0分钟". */
export function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}
