// 首页's words: the greeting and how far off the next activity is (days by the server's date, Asia/Shanghai).
import { DAY_MS } from '@contract/time';
import type { UserHomeOutput } from '@contract/home';

/** A volunteer with an approved team is welcomed back; someone who only applied (or just registered) is greeted. */
export function greetingOf(home: UserHomeOutput): string {
  const name = home.volunteer?.realName ?? '';
  return home.memberships.some((m) => m.status === 'approved') ? `${name}，欢迎回来` : `${name}，您好`;
}

/** 今天 / 明天 / 后天 / N天后 from `today` to `date` (both YYYY-MM-DD). */
export function countdownOf(today: string, date: string): string {
  if (date <= today) return '今天';
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days === 1) return '明天';
  if (days === 2) return '后天';
  return `还有${days}天`;
}
