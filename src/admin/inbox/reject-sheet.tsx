// 驳回 of member applications (one or a batch): preset reasons beside free text, composed into the one reason the
// applicants read; the sheet stays open with the error if the action fails.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import FormSheet, { SheetLabel, SheetTextarea } from '../../components/form-sheet';
import { useSubmit } from '../../hooks/use-submit';
import { composeRejectReason, REJECT_REASON_MAX, REJECT_REASONS, type RejectReason } from '@contract/review';

type Props = {
  visible: boolean;
  /** Who the decision is about, under the title. */
  subject: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
};

export default function RejectSheet({ visible, subject, onConfirm, onClose }: Props) {
  const [preset, setPreset] = useState<RejectReason | undefined>();
  const [note, setNote] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (visible) {
      setPreset(undefined);
      setNote('');
      setError('');
    }
  }, [visible, setError]);

  const composed = composeRejectReason(preset, note);
  const confirm = () => {
    if ('problem' in composed) return setError(composed.problem);
    return submit(() => onConfirm(composed.reason));
  };

  return (
    <FormSheet
      visible={visible}
      title='驳回申请'
      subject={subject}
      onClose={onClose}
      error={error}
      errorClass='reason-error'
      count={{ value: 'reason' in composed ? composed.reason.length : note.trim().length, max: REJECT_REASON_MAX }}
      hint='驳回原因会通知申请人'
      confirm={{ text: '确认驳回', className: 'reason-confirm', danger: true, busy, onClick: confirm }}
      cancelClass='reason-cancel'
    >
      <SheetLabel>常用原因</SheetLabel>
      <View className='inbox-presets'>
        {REJECT_REASONS.map((r) => (
          <Text
            key={r}
            className={`inbox-preset${preset === r ? ' is-active' : ''}`}
            onClick={() => {
              setPreset(preset === r ? undefined : r);
              setError('');
            }}
          >
            {r}
          </Text>
        ))}
      </View>
      <SheetTextarea
        className='reason-input'
        max={REJECT_REASON_MAX}
        placeholder={preset && preset !== '其他' ? '可补充说明（选填）' : '请填写驳回原因，申请人会看到'}
        value={note}
        onInput={(text) => {
          setNote(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
