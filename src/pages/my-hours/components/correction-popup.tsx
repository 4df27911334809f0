// 申请更正 of one day: the volunteer proposes the right sign-in and/or sign-out time with a note ("我忘记签退了");
// the team's admins review it. A time later than now is refused as soon as it is picked. Test classes: ck-correct-forgot, ck-correct-in-toggle, ck-correct-in,
// ck-correct-out-toggle, ck-correct-out, ck-correct-note, ck-correct-error, ck-correct-submit.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Checkbox } from '../../../components/nutui/checkbox';
import FormSheet, { SheetTextarea } from '../../../components/form-sheet';
import CheckinTimePicker from '../../../components/checkin-time-picker';
import { requestCorrection } from '../../../services/checkin';
import { useSubmit } from '../../../hooks/use-submit';
import { CheckinRequestCorrectionInput, type MyHoursDay } from '@contract/checkin';
import { parseContract } from '@contract/zod-messages';
import { clockOf, futureTimeError, isoAt, monthDay } from '@contract/time';
import { serverNow } from '../../../services/server-clock';

const NOTE_MAX = 200;
const FORGOT = '我忘记签退了';

type Props = { day: MyHoursDay | null; onClose: () => void; onDone: () => void };

export default function CorrectionPopup({ day, onClose, onDone }: Props) {
  const [fixIn, setFixIn] = useState(false);
  const [fixOut, setFixOut] = useState(false);
  const [signIn, setSignIn] = useState('');
  const [signOut, setSignOut] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, submit: send } = useSubmit();

  useEffect(() => {
    if (!day) return;
    // A day without sign-out is almost always "I forgot": start there.
    const forgot = !day.signOutAt;
    setFixIn(!day.signInAt);
    setFixOut(forgot);
    setSignIn(clockOf(day.signInAt));
    setSignOut(clockOf(day.signOutAt));
    setNote(forgot ? FORGOT : '');
    setError('');
  }, [day, setError]);

  // A time later than now (the server's clock) is refused as soon as it is picked, and cannot be sent.
  const now = serverNow();
  const future = day ? (fixIn && futureTimeError(day.date, signIn, now)) || (fixOut && futureTimeError(day.date, signOut, now)) || '' : '';

  const submit = () => {
    if (!day || busy) return;
    if (future) return setError(future);
    if (!fixIn && !fixOut) return setError('请选择要更正的签到或签退时间');
    if ((fixIn && !signIn) || (fixOut && !signOut)) return setError('请选择时间');
    if (fixIn && fixOut && signOut <= signIn) return setError('签退时间须晚于签到时间');
    const parsed = parseContract(CheckinRequestCorrectionInput, {
      activityId: day.activityId,
      date: day.date,
      ...(fixIn ? { signInAt: isoAt(day.date, signIn) } : {}),
      ...(fixOut ? { signOutAt: isoAt(day.date, signOut) } : {}),
      note,
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    return send(async () => {
      await requestCorrection(parsed.data);
      onDone();
    });
  };

  return (
    <FormSheet
      visible={day !== null}
      title='申请更正'
      subject={day ? `${day.title} · ${monthDay(day.date)}` : ''}
      onClose={onClose}
      error={future || error}
      errorClass='ck-correct-error'
      count={{ value: note.trim().length, max: NOTE_MAX }}
      hint='提交后由活动所属队伍的管理员审核，通过后时长自动更新。'
      confirm={{ text: '提交申请', className: 'ck-correct-submit', busy, disabled: Boolean(future), onClick: submit }}
    >
      {day && !day.signOutAt ? (
        <View
          className='correction-popup__quick ck-correct-forgot'
          onClick={() => {
            setFixOut(true);
            setNote(FORGOT);
            setError('');
          }}
        >
          我忘记签退了，补填签退时间
        </View>
      ) : null}
      <View className='correction-popup__row'>
        <Checkbox className='ck-correct-in-toggle' checked={fixIn} onChange={(v) => setFixIn(v)} label='更正签到时间' />
      </View>
      <CheckinTimePicker
        className='ck-correct-in'
        label='签到时间'
        value={signIn}
        disabled={!fixIn}
        onChange={(hhmm) => {
          setSignIn(hhmm);
          setError('');
        }}
      />
      <View className='correction-popup__row'>
        <Checkbox className='ck-correct-out-toggle' checked={fixOut} onChange={(v) => setFixOut(v)} label='更正签退时间' />
      </View>
      <CheckinTimePicker
        className='ck-correct-out'
        label='签退时间'
        value={signOut}
        start='17:00'
        disabled={!fixOut}
        onChange={(hhmm) => {
          setSignOut(hhmm);
          setError('');
        }}
      />
      <SheetTextarea
        className='ck-correct-note'
        max={NOTE_MAX}
        placeholder='请说明情况，如：活动结束时手机没电，忘记签退'
        value={note}
        onInput={(text) => {
          setNote(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
