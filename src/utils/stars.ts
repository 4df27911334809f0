// 我的's star line: the star a volunteer holds, the way to the next one and the rule itself in words, all from
// STAR_HOURS (types/report.ts), so the scale is written down once.
import { STAR_HOURS, hoursToNextStar, starsFor } from '@contract/report';

export const STAR_NAMES = ['', '一星', '二星', '三星', '四星', '五星'] as const;

/** "累计服务满100小时为一星，300小时二星，600小时三星，1000小时四星，1500小时五星". */
export function starRule(): string {
  return STAR_HOURS.map((h, i) => (i === 0 ? `累计服务满${h}小时为${STAR_NAMES[1]}` : `${h}小时${STAR_NAMES[i + 1]}`)).join('，');
}

/** "二星志愿者 · 距三星还差120小时" / "志愿者 · 距一星还差100小时" / "五星志愿者 · 已达最高星级". */
export function starStanding(minutes: number): string {
  const stars = starsFor(minutes);
  const missing = hoursToNextStar(minutes);
  const who = stars ? `${STAR_NAMES[stars]}志愿者` : '志愿者';
  return missing === undefined ? `${who} · 已达最高星级` : `${who} · 距${STAR_NAMES[stars + 1]}还差${missing}小时`;
}
