// 附件3 for a tree of more than REPORT_ACTIVITY_LIST_MAX activities (a province, the whole country), from the rollups
// (统计汇总) when they are current: the form's figures and 亮点活动 as report.orgStats gives them, the list by the
// teams directly below (each with its subtree) plus the team's own level, the months, 供需对接 and 培训. A few reads
// whatever the size of the tree; each team below exports its own activity list.
import type { ReportExportOutput } from '@contract/report';
import { formatDuration } from '@contract/format';
import { monthDayTimeOf } from '@contract/time';
import type { OrgDoc } from '../../db/org.repository';
import { rollupsWithChildren } from '../../db/stat-rollup.repository';
import { figuresFromRollups, highlightsFromRollups, ownMembersFromRollups, wholeMonths } from '../../domain/stat-rollup';
import { rollupsAnswer, rollupsByTeam, yearsOf } from './rollups';
import {
  MANUAL_ROWS,
  activityParagraph,
  chineseDate,
  chineseSpan,
  exportFileName,
  highlightText,
  teamLine,
} from '../../domain/report-forms';
import type { Period, StatFigures } from '../../domain/report-stats';
import { shanghaiDate } from '../../domain/shanghai-time';
import { STAT_CATEGORIES } from '@contract/report';
import { activityStatsXlsx } from '../../adapters/report-xlsx';
import { needFiguresInTree, trainingFiguresInTree } from './report-scope';
import { needAndTrainingSheets } from './activity-stats-sheets';

/** Up to this many activities in a period, 附件3 lists them one by one (a sheet people read); more, by the teams below. */
export const REPORT_ACTIVITY_LIST_MAX = 1000;

/** The export, or undefined when the records must answer (no current rollups, not whole months, a short list). */
export async function activityStatsByTeam(org: OrgDoc, p: Period, now: Date): Promise<ReportExportOutput | undefined> {
  const months = wholeMonths(p);
  if (!months) return undefined;
  const years = yearsOf(months);
  const docs = await rollupsWithChildren(org._id, years);
  const own = rollupsByTeam(docs, [org._id], years)?.get(org._id);
  if (!own) return undefined;
  const figures = figuresFromRollups(own, p, months);
  if (figures.activities <= REPORT_ACTIVITY_LIST_MAX) return undefined;
  // The approved teams directly below, as the rollups name them (a change of team since shows in rollupsAnswer).
  const childIds = [...new Set(docs.filter((d) => d.parentId === org._id && d.status === 'approved').map((d) => d.orgId))];
  const byChild = rollupsByTeam(docs, childIds, years);
  const answer = byChild && (await rollupsAnswer([...own, ...[...byChild.values()].flat()], months, p, own[own.length - 1].teams));
  if (!byChild || !answer) return undefined;
  const children = [...byChild.values()].map((c) => ({ name: c[c.length - 1].orgName, docs: c }));

  const [needs, training] = await Promise.all([needFiguresInTree(org, p, now), trainingFiguresInTree(org, p)]);
  const teams = own[own.length - 1].teams;
  const row = (
    name: string,
    teamCount: number,
    f: Pick<StatFigures, 'activities' | 'byCategory' | 'volunteerTimes' | 'minutes' | 'servedPeople'>,
  ) => [
    name,
    teamCount,
    f.activities,
    ...STAT_CATEGORIES.map((c) => f.byCategory[c] ?? 0),
    f.volunteerTimes,
    f.minutes,
    formatDuration(f.minutes),
    f.servedPeople,
  ];
  const below = children
    .map((c) => ({ name: c.name, teams: c.docs[c.docs.length - 1].teams, f: figuresFromRollups(c.docs, p, months) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  // The team's own level (and teams below it not approved): what the subtree holds beyond its approved children.
  // Activities, their 人次 and minutes belong to one team each, so they subtract exactly.
  const rest = (pick: (f: StatFigures) => number) => pick(figures) - below.reduce((s, c) => s + pick(c.f), 0);
  const level = {
    activities: rest((f) => f.activities),
    byCategory: Object.fromEntries(STAT_CATEGORIES.map((c) => [c, rest((f) => f.byCategory[c] ?? 0)])) as StatFigures['byCategory'],
    volunteerTimes: rest((f) => f.volunteerTimes),
    minutes: rest((f) => f.minutes),
    servedPeople: rest((f) => f.servedPeople),
  };
  const rows = [
    row(`${org.name}（本级）`, teams - below.reduce((s, c) => s + c.teams, 0), level),
    ...below.map((c) => row(c.name, c.teams, c.f)),
  ];
  const today = shanghaiDate(now);
  const buf = await activityStatsXlsx({
    orgName: org.name,
    filledOn: chineseDate(today),
    teamLine: teamLine({ orgName: org.name, ownMembers: ownMembersFromRollups(own, p), teams, members: figures.members }),
    activityParagraph: activityParagraph({ ...figures, from: p.from, to: p.to, includeDescendants: true }),
    highlightText: highlightText(
      highlightsFromRollups(own, p, months).map((h) => ({ ...h, orgName: h.orgId === org._id ? undefined : h.orgName })),
    ),
    manualRows: MANUAL_ROWS,
    note:
      `注：本表由系统根据本队及下级队伍的活动和签到记录生成，统计期间为${chineseSpan(p.from, p.to)}。` +
      `本期活动${figures.activities}次，超过${REPORT_ACTIVITY_LIST_MAX}次，活动明细按下级队伍汇总，各队的活动明细请由该队导出。` +
      (answer.asOf ? `数据截至${monthDayTimeOf(answer.asOf.toISOString())}的统计汇总，之后的变动在下次汇总后计入。` : '') +
      '“参与服务的专家”为有服务时长的志愿者人次，“接受服务的群众”为活动开始后管理员填报的服务人数；空括号处请填报单位据实填写。',
    activities: rows,
    totals: row('合计', teams, figures),
    byTeam: true,
    series: figures.series,
    ...needAndTrainingSheets(needs, training, now),
  });
  return { fileName: exportFileName(['附件3', org.name, today]), base64: buf.toString('base64') };
}
