// Display formats shared by pages.

/** 125 -> 2小时5分钟 */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.floor(total));
  return `${Math.floor(m / 60)}小时${m % 60}分钟`;
}
