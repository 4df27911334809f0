// 附件3 科技志愿服务活动情况统计表: the form with our figures written into its sentences, the activity list behind
// them and the months. Every figure is report.orgStats's for the same team, scope and period, and the list adds up
// to them: it also shows the activities started earlier whose day records credit time in the period. The sheet 供需对接
// has orgStats's `needs` figures and one row per need counted; the sheet 培训 its training figures and one row per
// training held (training hours are never part of the 服务时长 above).
import type { ReportExportOutput } from '@contract/report';
import { STAT_CATEGORY_OF } from '@contract/report';
import { formatDuration } from '@contract/format';
import type { OrgDoc } from '../../db/org.repository';
import type { ReportActivity } from '../../db/report.repository';
import {
  MANUAL_ROWS,
  activityParagraph,
  chineseDate,
  chineseSpan,
  exportFileName,
  highlightText,
  teamLine,
} from '../../domain/report-forms';
import { activityFigures, countedActivities, creditedRecords, highlights, memberFigures, type Period } from '../../domain/report-stats';
import { shanghaiDate } from '../../domain/shanghai-time';
import { activityStatsXlsx } from '../../adapters/report-xlsx';
import { figuresOf, needFiguresOf, teamsOf, trainingFiguresOf } from './report-scope';
import { needAndTrainingSheets } from './activity-stats-sheets';
import { activityStatsByTeam } from './export-activity-stats-by-team';

const byStart = (a: ReportActivity, b: ReportActivity) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'zh');

/** Why a listed activity is not among the activities counted in the period (its time is). */
const whyListed = (a: ReportActivity | undefined) => (a ? '活动开始于统计期间之前；服务时长计入本期' : '活动已删除；服务时长计入本期');

export async function activityStatsExport(org: OrgDoc, p: Period, includeDescendants: boolean, now: Date): Promise<ReportExportOutput> {
  // A tree of more than REPORT_ACTIVITY_LIST_MAX activities, when its rollups are current: listed by the teams below.
  const byTeam = includeDescendants ? await activityStatsByTeam(org, p, now) : undefined;
  if (byTeam) return byTeam;
  const teams = await teamsOf(org, includeDescendants);
  const [{ activities, records, memberships, earlier, figures }, needs, training] = await Promise.all([
    figuresOf(teams, p),
    needFiguresOf(teams, p, now),
    trainingFiguresOf(teams, p),
  ]);
  const ownMembers = memberFigures(
    memberships.filter((m) => m.orgId === org._id),
    p,
  ).members;
  const perActivity = activityFigures(creditedRecords(records, p));
  const held = countedActivities(activities, p).sort(byStart);
  const heldIds = new Set(held.map((a) => a._id));
  const otherIds = [...perActivity.keys()].filter((id) => !heldIds.has(id));
  const others = earlier;
  const figuresOfActivity = (id: string) => perActivity.get(id) ?? { volunteerTimes: 0, minutes: 0 };

  const row = (a: ReportActivity, counted: boolean) => {
    const f = figuresOfActivity(a._id);
    return [
      a.title,
      a.orgName,
      a.category,
      STAT_CATEGORY_OF[a.category],
      a.startDate,
      a.endDate,
      a.address,
      a.keyDay ?? '',
      (a.serviceTargets ?? []).join('、'),
      a.enrolledCount ?? 0,
      f.volunteerTimes,
      f.minutes,
      formatDuration(f.minutes),
      counted ? (a.servedCount ?? '') : '',
      counted ? '' : whyListed(a),
    ];
  };
  const otherRows = otherIds
    .map(
      (id) =>
        others.get(id) ??
        ({
          _id: id,
          orgId: '',
          orgName: '',
          title: '（活动已删除）',
          category: '其他',
          status: 'published',
          startDate: '',
          endDate: '',
          address: '',
        } as ReportActivity),
    )
    .sort(byStart)
    .map((a) => {
      const r = row(a, false);
      if (!others.has(a._id)) r[r.length - 1] = whyListed(undefined);
      return r;
    });
  const rows = [...held.map((a) => row(a, true)), ...otherRows];
  const totals = [
    '合计',
    `计入本期的活动${figures.activities}次`,
    ...Array<string>(7).fill(''),
    held.reduce((s, a) => s + (a.enrolledCount ?? 0), 0),
    figures.volunteerTimes,
    figures.minutes,
    formatDuration(figures.minutes),
    figures.servedPeople,
    '',
  ];

  const today = shanghaiDate(now);
  const buf = await activityStatsXlsx({
    orgName: org.name,
    filledOn: chineseDate(today),
    teamLine: teamLine({ orgName: org.name, ownMembers, teams: teams.length, members: figures.members }),
    activityParagraph: activityParagraph({ ...figures, from: p.from, to: p.to, includeDescendants }),
    // An activity of a team below names its team.
    highlightText: highlightText(
      highlights(held, perActivity, 2).map((a) => ({
        ...a,
        ...figuresOfActivity(a._id),
        photoCount: a.recapPhotoIds?.length ?? 0,
        orgName: a.orgId === org._id ? undefined : a.orgName,
      })),
    ),
    manualRows: MANUAL_ROWS,
    note:
      `注：本表由系统根据${includeDescendants ? '本队及下级队伍' : '本队'}的活动和签到记录生成，统计期间为${chineseSpan(p.from, p.to)}。` +
      '“参与服务的专家”为有服务时长的志愿者人次，“接受服务的群众”为活动开始后管理员填报的服务人数；空括号处请填报单位据实填写。',
    activities: rows,
    totals,
    series: figures.series,
    ...needAndTrainingSheets(needs, training, now),
  });
  return { fileName: exportFileName(['附件3', org.name, today]), base64: buf.toString('base64') };
}
