// What the buttons of 活动详情 do: enroll (after the risk notice), cancel an enrollment, call the organizer, cancel
// the activity in two steps; one `busy` flag for them all, and where an enrollment error sends the volunteer.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityGetOutput } from '@contract/activity';
import { activityContact, cancelActivity, cancelEnrollment, enroll } from '../../services/activity';
import { callPhone } from '../../device/phone';
import { toCloudError } from '../../services/cloud-error';
import { askToSubscribe } from '../../services/subscribe';
import { explainEnrollError, type EnrollView } from './helpers';
import { routes } from '../../routes';
import { COLOR } from '../../styles/colors';

export function useDetailActions(opts: { from?: string; refresh: () => void }) {
  const { from, refresh } = opts;
  const [busy, setBusy] = useState(false);
  const [askingReason, setAskingReason] = useState(false);
  const [recordingServed, setRecordingServed] = useState(false);

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      const done = await action();
      void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      refresh();
    } catch (e) {
      const err = toCloudError(e);
      const outcome = explainEnrollError(err.code, err.message);
      setBusy(false);
      if (outcome.kind === 'toast') {
        void Taro.showToast({ title: outcome.message, icon: 'none', duration: 2500 });
        if (outcome.reload) refresh();
        return;
      }
      const toRegister = outcome.kind === 'register';
      const { confirm } = await Taro.showModal({
        title: toRegister ? '请先注册' : '请先加入队伍',
        content: outcome.message,
        confirmText: toRegister ? '去注册' : '去加入',
        confirmColor: COLOR.primary,
        cancelText: '稍后',
      });
      if (confirm) void Taro.navigateTo({ url: toRegister ? routes.register() : routes.orgs() });
    } finally {
      setBusy(false);
    }
  };

  /** The handlers for the loaded activity. */
  const actionsFor = (data: ActivityGetOutput, view: EnrollView) => {
    const a = data.activity;
    const onEnroll = async () => {
      // A full activity with a waitlist: being moved up is the message that matters most.
      const full = data.enrolledCount >= a.capacity;
      await askToSubscribe(
        full ? ['waitlistPromoted', 'activityReminder', 'activityCancelled'] : ['activityReminder', 'activityChanged', 'activityCancelled'],
      );
      if (a.riskNotice) {
        const { confirm } = await Taro.showModal({
          title: '风险告知',
          content: `${a.riskNotice}\n\n报名即表示您已知悉上述风险。`,
          confirmText: '确认报名',
          confirmColor: COLOR.primary,
          cancelText: '再想想',
        });
        if (!confirm) return;
      }
      void run(async () => {
        const { enrollment } = await enroll(a._id, from);
        if (enrollment.status === 'waitlisted')
          return enrollment.waitlistPosition ? `名额已满，您是候补第${enrollment.waitlistPosition}位` : '名额已满，已加入候补';
        return '报名成功';
      });
    };
    const onCancel = async () => {
      const { confirm } = await Taro.showModal({
        title: '取消报名',
        content:
          view.kind === 'enrolled' && view.text !== '已报名'
            ? '取消后将失去候补名次，确定取消吗？'
            : '取消后名额将让给其他志愿者，确定取消报名吗？',
        confirmText: '取消报名',
        confirmColor: COLOR.danger,
        cancelText: '不取消',
        cancelColor: COLOR.text,
      });
      if (confirm) void run(() => cancelEnrollment(a._id).then(() => '已取消报名'));
    };
    const onContact = async () => {
      if (busy) return;
      setBusy(true);
      try {
        const { contactPhone } = await activityContact(a._id);
        setBusy(false);
        await callPhone(contactPhone);
      } catch (e) {
        const err = toCloudError(e);
        void Taro.showToast({ title: explainEnrollError(err.code, err.message).message, icon: 'none', duration: 2500 });
      } finally {
        setBusy(false);
      }
    };
    // Two steps: first what cancelling does, in words (a modal that defaults to not cancelling), then the reason.
    const askCancelActivity = async () => {
      const people = data.enrolledCount + a.waitlistCount;
      const { confirm } = await Taro.showModal({
        title: '确定要取消这个活动吗？',
        content: `取消后：${people > 0 ? `已报名和候补的${people}位志愿者会收到取消通知；` : ''}签到码立即停止使用，不能再签到签退；活动不能恢复。`,
        confirmText: '继续取消',
        confirmColor: COLOR.danger,
        cancelText: '不取消',
        cancelColor: COLOR.text,
      });
      if (confirm) setAskingReason(true);
    };
    const submitCancelActivity = async (reason: string) => {
      await cancelActivity({ activityId: a._id, reason });
      setAskingReason(false);
      void Taro.showToast({ title: '活动已取消，已通知报名的志愿者', icon: 'none', duration: 2000 });
      refresh();
    };
    return { onEnroll, onCancel, onContact, askCancelActivity, submitCancelActivity };
  };

  return { busy, askingReason, setAskingReason, recordingServed, setRecordingServed, actionsFor };
}
