// The 新建培训 form over the contract (record.createTraining), and the lines of 名单录入.
import type { FormSpec } from '../../hooks/form-spec';
import { checkForm } from '../../hooks/form-spec';
import { RecordCreateTrainingInput, TRAINEES_PER_ENTRY_MAX, type TrainingType } from '@contract/record';

export type TrainingForm = {
  title: string;
  type: TrainingType;
  date: string;
  startTime: string;
  hours: string;
  trainer: string;
  content: string;
};
export type TrainingRow = keyof TrainingForm;

export const emptyTrainingForm = (today: string): TrainingForm => ({
  title: '',
  type: '岗前培训',
  date: today,
  startTime: '',
  hours: '',
  trainer: '',
  content: '',
});

export const TRAINING_SPEC: FormSpec<TrainingRow> = {
  order: ['title', 'type', 'date', 'startTime', 'hours', 'trainer', 'content'],
  hints: {
    type: '请选择培训类型',
    date: '请选择培训日期',
    startTime: '时间格式应为HH:mm',
    hours: '培训学时为0.5至24小时，以0.5小时为单位',
  },
  always: ['type', 'hours'],
};

export function validateTrainingForm(orgId: string, f: TrainingForm) {
  return checkForm(TRAINING_SPEC, RecordCreateTrainingInput, {
    orgId,
    title: f.title,
    type: f.type,
    date: f.date,
    ...(f.startTime ? { startTime: f.startTime } : {}),
    hours: f.hours.trim() === '' ? undefined : Number(f.hours),
    trainer: f.trainer,
    content: f.content,
  });
}

/** The non-empty lines of 名单录入 (a phone or a 志愿者编号 each); more than the limit is refused by the page. */
export function traineeLines(text: string): string[] {
  return text
    .split(/[\n,，;；]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export const TOO_MANY_LINES = `每次最多录入${TRAINEES_PER_ENTRY_MAX}人，请分批录入`;
