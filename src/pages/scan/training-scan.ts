// 扫码签到 of a training's code (培训签到): recognised on the phone by its body, sent to record.attendTraining (no
// position: trainings have no distance rule; the server checks the code and the day) and answered in a dialog that
// leads to 我的培训, with the training hours labelled apart from service hours.
import Taro from '@tarojs/taro';
import { trainingIdOfCode } from '../../utils/code-body';
import { attendTraining } from '../../services/record';
import { toCloudError } from '../../services/cloud-error';
import { routes } from '../../routes';
import { TRAINING_HOURS_LABEL, formatTrainingHours } from '@contract/record';

export const isTrainingCode = (payload: string): boolean => trainingIdOfCode(payload) !== undefined;

export async function scanTrainingCode(payload: string): Promise<void> {
  try {
    const { training, repeated } = await attendTraining(payload);
    const { confirm } = await Taro.showModal({
      title: repeated ? '您已签到过该培训' : '培训签到成功',
      content: `${training.title}（${training.date}），${TRAINING_HOURS_LABEL}：${formatTrainingHours(training.hours)}`,
      confirmText: '我的培训',
      cancelText: '关闭',
    });
    if (confirm) void Taro.navigateTo({ url: routes.myTrainings() });
  } catch (e) {
    void Taro.showModal({ title: '培训签到未成功', content: toCloudError(e).message, showCancel: false });
  }
}
