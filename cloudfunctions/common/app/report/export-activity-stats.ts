// 附件3 科技志愿服务活动情况统计表: the form with our figures written into its sentences, the activity list behind
// them and the months. It counts the teams below by default, as the form asks (含县级志愿者队的数据).
import type { ReportExportInput, ReportExportOutput } from '../../../../types/report';
import { STAT_CATEGORY_OF } from '../../../../types/report';
import { formatDuration } from '../../../../types/duration';
import type { OrgDoc } from '../../db/org.repository';
import { MANUAL_ROWS, activityParagraph, chineseDate, chineseSpan, exportFileName, highlightText, teamLine } from '../../domain/report-forms';
import { activityFigures, countedActivities, creditedRecords, highlights, memberFigures, periodOrDefault } from '../../domain/report-stats';
import { shanghaiDate } from '../../domain/shanghai-time';
import { activityStatsXlsx } from '../../adapters/report-xlsx';
import { figuresOf, teamsOf } from './report-scope';

export async function activityStatsExport(org: OrgDoc, input: Pick<ReportExportInput, 'from' | 'to' | 'includeDescendants'>, now: Date): Promise<ReportExportOutput> {
  const p = periodOrDefault(input, now);
  const includeDescendants = input.includeDescendants ?? true;
  const teams = await teamsOf(org, includeDescendants);
  const { activities, records, memberships, figures } = await figuresOf(teams, p);
  const ownMembers = memberFigures(memberships.filter((m) => m.orgId === org._id), p).members;
  const perActivity = activityFigures(creditedRecords(records, p));
  const held = countedActivities(activities, p).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'zh'));
  const figuresOfActivity = (id: string) => perActivity.get(id) ?? { volunteerTimes: 0, minutes: 0 };

  const rows = held.map((a) => {
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
      a.servedCount ?? '',
    ];
  });
  const sum = (pick: (f: { volunteerTimes: number; minutes: number }) => number) => held.reduce((s, a) => s + pick(figuresOfActivity(a._id)), 0);
  const minutes = sum((f) => f.minutes);
  const totals = [
    '合计',
    ...Array<string>(8).fill(''),
    held.reduce((s, a) => s + (a.enrolledCount ?? 0), 0),
    sum((f) => f.volunteerTimes),
    minutes,
    formatDuration(minutes),
    held.reduce((s, a) => s + (a.servedCount ?? 0), 0),
  ];

  const today = shanghaiDate(now);
  const buf = await activityStatsXlsx({
    orgName: org.name,
    filledOn: chineseDate(today),
    teamLine: teamLine({ orgName: org.name, ownMembers, teams: teams.length, members: figures.members }),
    activityParagraph: activityParagraph({ ...figures, from: p.from, to: p.to, includeDescendants }),
    // An activity of a team below names its team.
    highlightText: highlightText(
      highlights(held, perActivity, 2).map((a) => ({ ...a, ...figuresOfActivity(a._id), orgName: a.orgId === org._id ? undefined : a.orgName })),
    ),
    manualRows: MANUAL_ROWS,
    note:
      `注：本表由系统根据${includeDescendants ? '本队及下级队伍' : '本队'}的活动和签到记录生成，统计期间为${chineseSpan(p.from, p.to)}。` +
      '“参与服务的专家”为有服务时长的志愿者人次，“接受服务的群众”为活动开始后管理员填报的服务人数；空括号处请填报单位据实填写。',
    activities: rows,
    totals,
    series: figures.series,
  });
  return { fileName: exportFileName(['附件3', org.name, today]), base64: buf.toString('base64') };
}
