// 培训 rules: on which day a training's code signs anyone in, what a line of 名单录入 names, and the training figures of
// a report (kept apart from service time: nothing here is ever added to minutes of service).
import { PhoneSchema } from '@contract/common';
import { VolunteerNoSchema } from '@contract/checkin';
import { shanghaiDate } from './shanghai-time';

/** A training's code signs in only on the training's own Asia/Shanghai day, by the server's clock. */
export const isTrainingDay = (date: string, now: Date): boolean => shanghaiDate(now) === date;

export type TraineeEntry = { kind: 'phone'; phone: string } | { kind: 'volunteerNo'; volunteerNo: string } | { kind: 'invalid' };

/** A line of 名单录入: a phone (11 digits) or a 志愿者编号 (KJ + 12 digits, any case, spaces around ignored). */
export function traineeEntry(line: string): TraineeEntry {
  const text = line.replace(/\s+/g, '');
  const phone = PhoneSchema.safeParse(text);
  if (phone.success) return { kind: 'phone', phone: phone.data };
  const no = VolunteerNoSchema.safeParse(text);
  if (no.success) return { kind: 'volunteerNo', volunteerNo: no.data };
  return { kind: 'invalid' };
}

export interface TrainingFigures {
  /** Trainings held (not cancelled) dated within the period. */
  trainings: number;
  /** Distinct people who attended one of them. */
  trainees: number;
  /** Attendances (人次). */
  traineeTimes: number;
  /** Training hours summed over attendances (学时): never service time. */
  trainingHours: number;
}

/** The training figures of a report from its trainings and their attendances (attendances of other trainings ignored). */
export function trainingFigures(
  trainings: readonly { _id: string; status: string; hours: number }[],
  attendances: readonly { trainingId: string; openid: string }[],
): TrainingFigures {
  const held = new Map(trainings.filter((t) => t.status !== 'cancelled').map((t) => [t._id, t.hours]));
  const counted = attendances.filter((a) => held.has(a.trainingId));
  const hours = counted.reduce((sum, a) => sum + (held.get(a.trainingId) ?? 0), 0);
  return {
    trainings: held.size,
    trainees: new Set(counted.map((a) => a.openid)).size,
    traineeTimes: counted.length,
    trainingHours: Math.round(hours * 10) / 10,
  };
}
