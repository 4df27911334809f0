// report.export: 附件2 (members), 附件3 (activity statistics) or an activity's 签到记录 as an xlsx file. The scope and
// period are resolved as report.orgStats resolves them, so a form and the statistics of the same query agree.
import type { ReportExportInput, ReportExportOutput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { requireReadableOrg } from '../access';
import { READ_STATS, reportPeriod } from './report-scope';
import { membersExport } from './export-members';
import { activityStatsExport } from './export-activity-stats';
import { attendanceExport } from './export-attendance';

export async function exportReport(input: ReportExportInput, ctx: Ctx): Promise<ReportExportOutput> {
  const { org, grants } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_STATS);
  const includeDescendants = input.includeDescendants ?? false;
  switch (input.kind) {
    case 'members':
      return membersExport(org, grants, reportPeriod(input, ctx.now, 'yearToDate'), includeDescendants, ctx.now);
    case 'activityStats':
      return activityStatsExport(org, reportPeriod(input, ctx.now, 'yearToDate'), includeDescendants, ctx.now);
    case 'attendance':
      return attendanceExport(org, grants, input.activityId ?? '', ctx.now);
  }
}
