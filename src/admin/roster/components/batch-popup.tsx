// 批量签退: close every open record of the day at one time, for volunteers who left without signing out. The time
// offered is the day's end, or now (the server's clock) while the day runs; afterwards it says whom it signed out and
// whom it left alone, and why. A time later than now is refused as soon as it is picked (the button stays disabled). Without a network (the call fails with NETWORK, or the page knows it is offline) the
// batch goes to `onOffline`, which queues one sign-out per person in by the 离线名单.
// Test classes: ck-batch-at, ck-batch-reason, ck-batch-error, ck-batch-submit.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import FormSheet, { SheetTextarea } from '../../../components/form-sheet';
import { REASON_MAX } from '../../../components/form-sheet/reason-sheet';
import CheckinTimePicker from '../../../components/checkin-time-picker';
import { batchSignOut } from '../../../services/checkin';
import { useSubmit } from '../../../hooks/use-submit';
import { CheckinBatchSignOutInput, type CheckinBatchSignOutOutput } from '@contract/checkin';
import { parseContract } from '@contract/zod-messages';
import { futureTimeError, isoAt, monthDay } from '@contract/time';
import { serverNow } from '../../../services/server-clock';
import { defaultBatchTime, explainBatchResult } from '../../batch-sign-out';
import { COLOR } from '../../../styles/colors';
import { toCloudError } from '../../../services/cloud-error';
import type { OfflineAnswer } from '../use-offline-roster';

type Props = {
  activityId: string;
  date: string;
  dailyEnd: string;
  open: number;
  visible: boolean;
  onClose: () => void;
  onDone: (result: CheckinBatchSignOutOutput) => void;
  /** The page knows the server cannot be reached: the batch goes straight to `onOffline`. */
  offline?: boolean;
  onOffline?: (at: string) => OfflineAnswer;
};

export default function BatchPopup({ activityId, date, dailyEnd, open, visible, onClose, onDone, offline, onOffline }: Props) {
  const [at, setAt] = useState(dailyEnd);
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit: send } = useSubmit();

  useEffect(() => {
    if (!visible) return;
    setAt(defaultBatchTime(date, dailyEnd, serverNow()));
    setReason('');
    setError('');
  }, [visible, date, dailyEnd, setError]);

  // A time later than now (the server's clock) is refused as soon as it is picked, and cannot be sent.
  const future = futureTimeError(date, at, serverNow());

  const submit = async () => {
    if (busy) return;
    if (future) return setError(future);
    const parsed = parseContract(CheckinBatchSignOutInput, { activityId, date, at: isoAt(date, at), ...(reason.trim() ? { reason } : {}) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    const queueOffline = () => {
      const answer = onOffline!(parsed.data.at);
      if (!answer.ok) return setError(answer.message);
      onClose();
      void Taro.showToast({ title: answer.line, icon: 'none' });
    };
    const { confirm } = await Taro.showModal({
      title: '批量签退',
      content: `${offline ? '当前无网络，将离线记录：' : '将'}为${open}名未签退的志愿者签退，签退时间 ${monthDay(date)} ${at}。确定吗？`,
      confirmText: '确定签退',
      cancelText: '取消',
    });
    if (!confirm) return;
    if (offline && onOffline) return queueOffline();
    await send(async () => {
      let result: CheckinBatchSignOutOutput;
      try {
        result = await batchSignOut(parsed.data);
      } catch (e) {
        if (onOffline && toCloudError(e).code === 'NETWORK') return queueOffline();
        throw e;
      }
      onDone(result);
      const { title, content } = explainBatchResult(result);
      if (content)
        Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: COLOR.primary }).catch(() => undefined);
      else void Taro.showToast({ title, icon: 'none' });
    });
  };

  return (
    <FormSheet
      visible={visible}
      title='批量签退'
      subject={`${monthDay(date)} 有 ${open} 名志愿者已签到但未签退`}
      onClose={onClose}
      error={future || error}
      errorClass='ck-batch-error'
      confirm={{ text: '批量签退', className: 'ck-batch-submit', busy, disabled: Boolean(future), onClick: submit }}
    >
      <CheckinTimePicker
        className='ck-batch-at'
        label='签退时间'
        value={at}
        start={dailyEnd}
        onChange={(hhmm) => {
          setAt(hhmm);
          setError('');
        }}
      />
      <SheetTextarea
        className='ck-batch-reason'
        max={REASON_MAX}
        placeholder='原因（选填），默认：管理员批量签退（志愿者未签退）'
        value={reason}
        onInput={(text) => {
          setReason(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
