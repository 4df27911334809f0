// 志愿服务记录 beyond service hours (record function; 《志愿服务记录与证明出具办法》 Art. 4): 培训 — the trainings a team
// holds (岗前培训, 专业技能, 安全 …) and who attended, by scanning the training's code or entered by its admins as a list.
// Training hours are kept apart from service hours: they never enter 我的时长, a certificate's hours (it lists
// the trainings apart, under 培训情况), rankings or 附件3's 服务时长.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, periodDatesProblem, plainText } from './common';
import { TimeOfDaySchema } from './activity';

export const TRAINING_TYPES = ['岗前培训', '专业技能', '安全', '其他'] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];
/** What the volunteer and the admins read beside every training hour: they are not service time. */
export const TRAINING_HOURS_LABEL = '培训学时（不计入服务时长）';

export const TRAINING_HOURS_MIN = 0.5;
export const TRAINING_HOURS_MAX = 24;
/** People one 名单录入 may add (a line each). */
export const TRAINEES_PER_ENTRY_MAX = 200;
export const TRAINING_STATUSES = ['scheduled', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
/** How an attendance was recorded: the volunteer scanned the training's code, or an admin entered them in a list. */
export const TRAINING_VIA = ['scan', 'list'] as const;
export type TrainingVia = (typeof TRAINING_VIA)[number];
export const TRAINING_VIA_LABEL: Record<TrainingVia, string> = { scan: '扫码签到', list: '名单录入' };

/** Every field an admin fills in; createTraining takes them all, updateTraining any of them. */
export const trainingFields = {
  title: plainText(40, '培训名称').pipe(z.string().min(2, '培训名称至少2个字')),
  type: z.enum(TRAINING_TYPES, { errorMap: () => ({ message: '请选择培训类型' }) }),
  date: DateSchema,
  startTime: TimeOfDaySchema.optional(),
  hours: z
    .number({ invalid_type_error: '请填写培训学时' })
    .min(TRAINING_HOURS_MIN, `培训学时至少${TRAINING_HOURS_MIN}小时`)
    .max(TRAINING_HOURS_MAX, `培训学时最多${TRAINING_HOURS_MAX}小时`)
    .refine((h) => Number.isInteger(h * 2), '培训学时以0.5小时为单位'),
  trainer: plainText(20, '授课人').pipe(z.string().min(1, '请填写授课人')),
  content: plainText(500, '培训内容').pipe(z.string().min(2, '请填写培训内容')),
};

export const RecordCreateTrainingInput = z.object({ orgId: z.string().min(1).max(128), ...trainingFields });
export type RecordCreateTrainingInput = z.infer<typeof RecordCreateTrainingInput>;

export const RecordUpdateTrainingInput = z.object({
  trainingId: z.string().min(1).max(128),
  ...z.object(trainingFields).partial().shape,
});
export type RecordUpdateTrainingInput = z.infer<typeof RecordUpdateTrainingInput>;

export const RecordTrainingIdInput = z.object({ trainingId: z.string().min(1).max(128) });
export type RecordTrainingIdInput = z.infer<typeof RecordTrainingIdInput>;

export const Training = z.object({
  trainingId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  type: z.enum(TRAINING_TYPES),
  date: DateSchema,
  startTime: z.string().optional(),
  hours: z.number(),
  trainer: z.string(),
  content: z.string(),
  status: z.enum(TRAINING_STATUSES),
  /** People recorded as attending. */
  traineeCount: z.number().int(),
  createdAt: IsoTimeSchema,
});
export type Training = z.infer<typeof Training>;

export const RecordTrainingOutput = z.object({ training: Training });
export type RecordTrainingOutput = z.infer<typeof RecordTrainingOutput>;

export const RecordTrainingsInput = z
  .object({ orgId: z.string().min(1).max(128), from: DateSchema.optional(), to: DateSchema.optional() })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    const problem = periodDatesProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: ['from'], message: problem });
  });
export type RecordTrainingsInput = z.infer<typeof RecordTrainingsInput>;
export const RecordTrainingsOutput = z.object({ items: z.array(Training) });
export type RecordTrainingsOutput = z.infer<typeof RecordTrainingsOutput>;

export const Trainee = z.object({
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  via: z.enum(TRAINING_VIA),
  at: IsoTimeSchema,
});
export type Trainee = z.infer<typeof Trainee>;
/** A training with who attended (its team's leader and admins). */
export const RecordTrainingDetailOutput = z.object({ training: Training, trainees: z.array(Trainee) });
export type RecordTrainingDetailOutput = z.infer<typeof RecordTrainingDetailOutput>;

/** The signed code a volunteer scans at the training (rotating like an activity's screen code). */
export const RecordTrainingCodeOutput = z.object({
  payload: z.string(),
  qrSvg: z.string(),
  /** When this code stops being the current one (it is accepted one step more). */
  expiresAt: IsoTimeSchema,
  title: z.string(),
  date: DateSchema,
});
export type RecordTrainingCodeOutput = z.infer<typeof RecordTrainingCodeOutput>;

export const RecordAttendTrainingInput = z.object({ payload: z.string().trim().min(1).max(2000) });
export type RecordAttendTrainingInput = z.infer<typeof RecordAttendTrainingInput>;

/** One of the volunteer's trainings. */
export const MyTraining = z.object({
  trainingId: z.string(),
  title: z.string(),
  type: z.enum(TRAINING_TYPES),
  date: DateSchema,
  startTime: z.string().optional(),
  hours: z.number(),
  trainer: z.string(),
  orgName: z.string(),
  via: z.enum(TRAINING_VIA),
  at: IsoTimeSchema,
});
export type MyTraining = z.infer<typeof MyTraining>;

export const RecordAttendTrainingOutput = z.object({
  training: MyTraining,
  /** Recorded before (a second scan, or the admin had entered them): nothing was written. */
  repeated: z.boolean(),
});
export type RecordAttendTrainingOutput = z.infer<typeof RecordAttendTrainingOutput>;

export const RecordAddTraineesInput = z.object({
  trainingId: z.string().min(1).max(128),
  /** A phone or a 志愿者编号 per entry. */
  people: z
    .array(z.string().trim().max(40))
    .min(1, '请至少填写一位')
    .max(TRAINEES_PER_ENTRY_MAX, `每次最多录入${TRAINEES_PER_ENTRY_MAX}人`),
});
export type RecordAddTraineesInput = z.infer<typeof RecordAddTraineesInput>;

/** added; already recorded; no registered volunteer with that phone or 编号; the account cannot act (frozen); not a phone or 编号. */
export const TRAINEE_OUTCOMES = ['added', 'already', 'notFound', 'unavailable', 'invalid'] as const;
export type TraineeOutcome = (typeof TRAINEE_OUTCOMES)[number];
export const TRAINEE_OUTCOME_LABEL: Record<TraineeOutcome, string> = {
  added: '已录入',
  already: '已在名单中',
  notFound: '未找到该志愿者',
  unavailable: '该志愿者账号不可用',
  invalid: '不是手机号或志愿者编号',
};
export const RecordAddTraineesOutput = z.object({
  /** One per entry, in the order given. */
  results: z.array(z.object({ entry: z.string(), outcome: z.enum(TRAINEE_OUTCOMES), realName: z.string().optional() })),
  added: z.number().int(),
  traineeCount: z.number().int(),
});
export type RecordAddTraineesOutput = z.infer<typeof RecordAddTraineesOutput>;

export const RecordRemoveTraineeInput = z.object({ trainingId: z.string().min(1).max(128), openid: z.string().min(1).max(128) });
export type RecordRemoveTraineeInput = z.infer<typeof RecordRemoveTraineeInput>;
export const RecordRemoveTraineeOutput = z.object({ removed: z.boolean(), traineeCount: z.number().int() });
export type RecordRemoveTraineeOutput = z.infer<typeof RecordRemoveTraineeOutput>;

export const RecordMyTrainingsOutput = z.object({
  items: z.array(MyTraining),
  /** Training hours of the trainings listed (not cancelled): never service time. */
  totalHours: z.number(),
});
export type RecordMyTrainingsOutput = z.infer<typeof RecordMyTrainingsOutput>;

/** Training hours as shown: "2小时", "1.5小时". */
export const formatTrainingHours = (hours: number): string => `${Math.round(hours * 10) / 10}小时`;
