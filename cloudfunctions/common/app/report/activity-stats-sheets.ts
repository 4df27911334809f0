// What both lists of 附件3 (activity by activity, or by the teams below) share: the sheets 供需对接 and 培训.
import type { ActivityStatsSheet } from '../../adapters/report-xlsx';
import { hoursToAccept } from '../../domain/report-stats';
import { needProgress } from '../../domain/need';
import { toIso } from '../../domain/shanghai-time';
import { dateTimeOf } from '@contract/time';
import type { needFiguresOf, trainingFiguresOf } from './report-scope';
/** The sheets 供需对接 and 培训: their figures and one row per need counted, per training held. */
export function needAndTrainingSheets(
  needs: Awaited<ReturnType<typeof needFiguresOf>>,
  training: Awaited<ReturnType<typeof trainingFiguresOf>>,
  now: Date,
): Pick<ActivityStatsSheet, 'needs' | 'trainings'> {
  return {
    needs: {
      figures: [
        ['收到需求', needs.figures.received],
        ['已派单', needs.figures.dispatched],
        ['已接单', needs.figures.accepted],
        ['已完成', needs.figures.completed],
        ['平均接单用时（小时）', needs.figures.avgHoursToAccept ?? '—'],
        ['平均评价星级', needs.figures.avgRating ?? '—'],
        ['评价数', needs.figures.ratedCount],
      ],
      rows: [...needs.needs]
        .sort((a, b) => new Date(a.postedAt).getTime() - new Date(b.postedAt).getTime())
        .map((n) => {
          const hours = hoursToAccept(n);
          return [
            dateTimeOf(toIso(new Date(n.postedAt))),
            n.requesterKind,
            n.category,
            n.title,
            needProgress(n.status, n.activityId ? needs.linked.get(n.activityId) : undefined, now),
            n.assignedOrgName ?? '',
            hours === undefined ? '' : Math.round(hours * 10) / 10,
            n.rating?.stars ?? '',
          ];
        }),
    },
    trainings: {
      figures: [
        ['培训次数', training.figures.trainings],
        ['参训人数', training.figures.trainees],
        ['参训人次', training.figures.traineeTimes],
        ['培训学时（不计入服务时长）', training.figures.trainingHours],
      ],
      rows: [...training.trainings]
        .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'zh'))
        .map((t) => [t.date, t.title, t.type, t.orgName, t.trainer, t.hours, Math.max(0, t.traineeCount)]),
    },
  };
}
