// Cloud function record: 志愿服务记录 beyond service hours (《志愿服务记录与证明出具办法》 Art. 4) — 培训 (trainings and who attended),
// 评价 (evaluations of participants), 表彰奖励 (commendations reviewed one level up), and the hand-off of all of it to
// 全国志愿服务信息系统.
import { makeMain } from '../common/handler';
import { cancelTraining, createTraining, training, trainings, updateTraining } from '../common/app/record/training.use-case';
import { addTrainees, attendTraining, myTrainings, removeTrainee, trainingCode } from '../common/app/record/attendance.use-case';
import { evaluate, evaluations, myEvaluations } from '../common/app/record/evaluation.use-case';
import { commend, commendationInbox, reviewCommendation } from '../common/app/record/commendation.use-case';
import { commendations, myCommendations } from '../common/app/record/commendation-read.use-case';
import { handoffExport, handoffs } from '../common/app/record/handoff.use-case';
import { handoffMissingIds, setNationalVolunteerId } from '../common/app/record/national-id.use-case';

export const main = makeMain('record', {
  createTraining,
  updateTraining,
  cancelTraining,
  trainingCode,
  attendTraining,
  addTrainees,
  removeTrainee,
  trainings,
  training,
  myTrainings,
  // 评价
  evaluate,
  evaluations,
  myEvaluations,
  // 表彰奖励
  commend,
  commendationInbox,
  reviewCommendation,
  commendations,
  myCommendations,
  // 移交全国志愿服务信息系统
  handoffExport,
  handoffs,
  handoffMissingIds,
  setNationalVolunteerId,
});
