// report.export: 附件2 (members), 附件3 (activity statistics) or an activity's 签到记录 as an xlsx file.
import type { ReportExportInput, ReportExportOutput } from '../../../../types/report';
import { requireOpenid, type Ctx } from '../../handler';
import { requireReadableOrg } from './report-scope';
import { membersExport } from './export-members';
import { activityStatsExport } from './export-activity-stats';
import { attendanceExport } from './export-attendance';
import { requestedRange } from '../../domain/shanghai-time';

export async function exportReport(input: ReportExportInput, ctx: Ctx): Promise<ReportExportOutput> {
  const { org, grants } = await requireReadableOrg(requireOpenid(ctx), input.orgId);
  switch (input.kind) {
    case 'members':
      return membersExport(org, grants, input.includeDescendants ?? false, ctx.now);
    case 'activityStats':
      return activityStatsExport(org, { ...requestedRange(input, ctx.now), includeDescendants: input.includeDescendants }, ctx.now);
    case 'attendance':
      return attendanceExport(org, grants, input.activityId ?? '', ctx.now);
  }
}
