// 补录/调整 one volunteer's day: sign-in and sign-out times and a required reason; it joins the audit trail. A time
// later than now is refused as soon as it is picked (the button stays disabled).
// Test classes: ck-adjust-in, ck-adjust-out, ck-adjust-reason, ck-adjust-error, ck-adjust-submit.
import { useEffect, useState } from 'react';
import FormSheet, { SheetTextarea } from '../../../components/form-sheet';
import CheckinTimePicker from '../../../components/checkin-time-picker';
import { adjustRecord } from '../../../services/checkin';
import { useSubmit } from '../../../hooks/use-submit';
import { REASON_MAX } from '../../../components/form-sheet/reason-sheet';
import { CheckinAdjustInput, type DayRecord, type RosterEntry } from '@contract/checkin';
import { parseContract } from '@contract/zod-messages';
import { clockOf, futureTimeError, isoAt, monthDay } from '@contract/time';
import { serverNow } from '../../../services/server-clock';

type Props = {
  activityId: string;
  date: string;
  /** The activity's daily hours, where the pickers start for a volunteer with no record. */
  daily: { start: string; end: string };
  row: RosterEntry | null;
  onClose: () => void;
  onDone: (record: DayRecord) => void;
};

export default function AdjustPopup({ activityId, date, daily, row, onClose, onDone }: Props) {
  const [signIn, setSignIn] = useState('');
  const [signOut, setSignOut] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit: send } = useSubmit();

  useEffect(() => {
    if (!row) return;
    setSignIn(clockOf(row.signInAt) || daily.start);
    setSignOut(clockOf(row.signOutAt) || (row.status === 'absent' ? daily.end : ''));
    setReason('');
    setError('');
  }, [row, daily.start, daily.end, setError]);

  // A time later than now (the server's clock) is refused as soon as it is picked, and cannot be sent.
  const now = serverNow();
  const future = futureTimeError(date, signIn, now) || futureTimeError(date, signOut, now);

  const submit = () => {
    if (!row || busy) return;
    if (future) return setError(future);
    if (signIn && signOut && signOut <= signIn) return setError('签退时间须晚于签到时间');
    const parsed = parseContract(CheckinAdjustInput, {
      activityId,
      openid: row.openid,
      date,
      ...(signIn ? { signInAt: isoAt(date, signIn) } : {}),
      ...(signOut ? { signOutAt: isoAt(date, signOut) } : {}),
      reason,
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    return send(async () => {
      const { record } = await adjustRecord(parsed.data);
      onDone(record);
    });
  };

  return (
    <FormSheet
      visible={row !== null}
      title={row?.status === 'absent' ? '补录签到' : '调整签到记录'}
      subject={row ? `${row.realName} · ${monthDay(date)}` : ''}
      onClose={onClose}
      error={future || error}
      errorClass='ck-adjust-error'
      hint='修改会记入变更记录，志愿者可以看到修改人、时间和原因。'
      confirm={{
        text: `确认${row?.status === 'absent' ? '补录' : '调整'}`,
        className: 'ck-adjust-submit',
        busy,
        disabled: Boolean(future),
        onClick: submit,
      }}
    >
      <CheckinTimePicker
        className='ck-adjust-in'
        label='签到时间'
        value={signIn}
        start={daily.start}
        onChange={(hhmm) => {
          setSignIn(hhmm);
          setError('');
        }}
      />
      <CheckinTimePicker
        className='ck-adjust-out'
        label='签退时间'
        value={signOut}
        placeholder='不填写（仍未签退）'
        start={daily.end}
        onChange={(hhmm) => {
          setSignOut(hhmm);
          setError('');
        }}
      />
      <SheetTextarea
        className='ck-adjust-reason'
        max={REASON_MAX}
        placeholder='请填写原因（必填），如：按现场签到表补录'
        value={reason}
        onInput={(text) => {
          setReason(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
