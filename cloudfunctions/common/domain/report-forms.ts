// The wording of the forms 科协 send upward (附件2, 附件3 of the 益阳 notice) and of the service certificate,
// filled with our figures: pure text, so the exports and their tests agree on every sentence.
import { areaList } from './area-list';
import { STAT_CATEGORIES, type StatCategory } from '@contract/report';
import { formatDuration, tidyPunctuation } from '@contract/format';

/** 2026-11-23 → 2026年11月23日 */
export function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A span of dates as a person writes it: one day, or "from – to". */
export function chineseSpan(from: string, to: string): string {
  return from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`;
}

/** The same, without repeating the year within one year (narrow table cells): 2026年4月10日至4月11日. */
export function shortSpan(from: string, to: string): string {
  if (from === to || from.slice(0, 4) !== to.slice(0, 4)) return chineseSpan(from, to);
  return `${chineseDate(from)}至${chineseDate(to).slice(5)}`;
}

export interface TeamLine {
  orgName: string;
  /** Approved members of the team itself. */
  ownMembers: number;
  /** Teams counted (the team and, with descendants, the approved teams below it) and their distinct members. */
  teams: number;
  members: number;
}

/** 志愿队伍 cell: 已建立（）人的科技志愿支队 … 已建立（）支科技志愿者队，人数（）人。 */
export function teamLine(t: TeamLine): string {
  return tidyPunctuation(
    `已建立（${t.ownMembers}）人的科技志愿支队：${t.orgName}。\n本级及下级已建立（${t.teams}）支科技志愿者队，人数（${t.members}）人。`,
  );
}

/** The note under 附件2: how many people (and teams), as of which day, and what is masked. */
export function membersNote(n: { members: number; teams: number; includeDescendants: boolean; to: string; today: string }): string {
  const scope = n.includeDescendants ? `（含下级队伍，共${n.teams}支队伍）` : '';
  const asOf = n.to < n.today ? `截至${chineseDate(n.to)}，` : '';
  return `注：${asOf}共${n.members}人${scope}。身份证号已隐去出生日期等信息；联系电话仅向队员所在队伍的负责人、管理员完整显示。`;
}

export interface ActivityParagraph {
  from: string;
  to: string;
  includeDescendants: boolean;
  activities: number;
  byCategory: Partial<Record<StatCategory, number>>;
  keyDayActivities: number;
  keyGroupActivities: number;
  volunteerTimes: number;
  servedPeople: number;
}

/**
 * 志愿活动 cell, the seed's sentence with the numbers filled in. 结合卫生健康等群众关切 has no counterpart in our
 * records, so its brackets stay empty for the team to fill by hand.
 */
export function activityParagraph(s: ActivityParagraph): string {
  const cats = STAT_CATEGORIES.map((c) => `${c}（${s.byCategory[c] ?? 0}）次`).join('、');
  const scope = s.includeDescendants ? '（含下级志愿者队伍的数据，下同）' : '';
  return (
    `${s.from.slice(0, 4)}年（${Number(s.from.slice(5, 7))}）月以来（统计至${chineseDate(s.to)}），共组织科技志愿服务活动（${s.activities}）次${scope}，其中${cats}。` +
    `上述活动中，结合全国科普日等重点活动开展服务（${s.keyDayActivities}）次，结合卫生健康等群众关切开展服务（  ）次，` +
    `结合农村妇女、青少年等重点人群开展服务（${s.keyGroupActivities}）次，参与服务的专家有（${s.volunteerTimes}）人次，接受服务的群众有（${s.servedPeople}）人次。`
  );
}

export interface Highlight {
  title: string;
  startDate: string;
  endDate: string;
  address: string;
  orgName?: string;
  volunteerTimes: number;
  minutes: number;
  servedCount?: number;
  /** The 回顾's summary (activity.recordServed). */
  summary?: string;
  /** How many photos its 回顾 shows. */
  photoCount?: number;
}

/**
 * 亮点活动 cell: one numbered line per activity — name, time, place, volunteers and people served, what was done (the
 * 回顾's summary) and how many photos its 回顾 holds.
 */
export function highlightText(items: readonly Highlight[]): string {
  if (items.length === 0) return '（列举1-2项亮点活动）：本期暂无有服务记录的活动。';
  const lines = items.map((h, i) => {
    const served = h.servedCount === undefined ? '受众人数未填报' : `受众${h.servedCount}人次`;
    const photos = h.photoCount ? `（附照片${h.photoCount}张）` : '';
    const what = h.summary ? `；服务内容与效果：${h.summary.replace(/[。，、；：\s]+$/, '')}${photos}` : photos ? `；${photos}` : '';
    const by = h.orgName ? `（${h.orgName}）` : '';
    return tidyPunctuation(
      `${i + 1}. ${h.title}${by}：${chineseSpan(h.startDate, h.endDate)}，${h.address}；参与服务专家${h.volunteerTimes}人次，累计服务${formatDuration(h.minutes)}，${served}${what}。`,
    );
  });
  return `（列举1-2项亮点活动）：\n${lines.join('\n')}`;
}

/** The rows of 附件3 we hold no records for: the seed's wording, brackets left for the team. */
export const MANUAL_ROWS: readonly [string, string][] = [
  ['服务\n阵地', '流动科技馆巡展（  ）次，是否在全县基本覆盖（是/否）；\n科普大篷车巡展（  ）次，是否在全县基本覆盖（是/否）。'],
  [
    '科技惠民(农)',
    '开展农村重点人群科学素质培训培育（  ）次，培训（  ）人次；组织参加全国农民科学素质网络知识竞赛（  ）人次，组织参加省科学素质网络大赛（  ）人次。',
  ],
  [
    '网络\n动员',
    '已建立（  ）人的科普中国信息员队伍，共分享“科普中国”文章（  ）篇，平均每人（  ）篇；分享本省科普文章（  ）篇，平均每人（  ）篇。',
  ],
];

/** 甘肃省 兰州市 城关区, from the GB/T 2260 codes (unknown codes are left out). */
export function regionName(region: { province: string; city: string; county: string } | undefined): string {
  if (!region) return '';
  const tables = areaList();
  return [tables.province_list[region.province], tables.city_list[region.city], tables.county_list[region.county]]
    .filter(Boolean)
    .join(' ');
}

/** A file name people can save anywhere: the parts joined with _, characters file systems refuse taken out. */
export function exportFileName(parts: readonly string[], ext = 'xlsx'): string {
  return `${parts
    .map((p) => p.replace(/[\\/:*?"<>|\s]+/g, ''))
    .filter(Boolean)
    .join('_')}.${ext}`;
}
