// A form sheet asking why (驳回, 清退, 取消活动, 核实): the reason is required, the sheet stays open with the error if the action fails.
import { useEffect, useState } from 'react';
import FormSheet, { SheetTextarea } from '.';
import { useSubmit } from '../../hooks/use-submit';

export const REASON_MAX = 200;

type Props = {
  visible: boolean;
  title: string;
  /** Who or what the decision is about, shown under the title. */
  subject: string;
  placeholder: string;
  confirmText: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
};

export default function ReasonSheet({ visible, title, subject, placeholder, confirmText, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (visible) {
      setReason('');
      setError('');
    }
  }, [visible, setError]);

  const confirm = () => {
    const text = reason.trim();
    if (!text) return setError('请填写原因');
    if (text.length > REASON_MAX) return setError(`原因最多${REASON_MAX}字`);
    return submit(() => onConfirm(text));
  };

  return (
    <FormSheet
      visible={visible}
      title={title}
      subject={subject}
      onClose={onClose}
      error={error}
      errorClass='reason-error'
      count={{ value: reason.trim().length, max: REASON_MAX }}
      confirm={{ text: confirmText, className: 'reason-confirm', danger: true, busy, onClick: confirm }}
      cancelClass='reason-cancel'
    >
      <SheetTextarea
        className='reason-input'
        max={REASON_MAX}
        placeholder={placeholder}
        value={reason}
        onInput={(text) => {
          setReason(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
