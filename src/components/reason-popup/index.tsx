// A bottom sheet asking why (驳回, 清退, 取消活动): the reason is required, the sheet stays open with the error if the action fails.
import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button, Popup } from '../nutui';
import { useSubmit } from '../../hooks/use-submit';
import './index.scss';

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

export default function ReasonPopup({ visible, title, subject, placeholder, confirmText, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (visible) {
      setReason('');
      setError('');
    }
  }, [visible]);

  const confirm = () => {
    const text = reason.trim();
    if (!text) return setError('请填写原因');
    if (text.length > REASON_MAX) return setError(`原因最多${REASON_MAX}字`);
    return submit(() => onConfirm(text));
  };

  return (
    <Popup visible={visible} position='bottom' round title={title} closeable onClose={onClose}>
      <View className='reason-popup'>
        <Text className='reason-popup__subject'>{subject}</Text>
        <Textarea
          className='reason-popup__input reason-input'
          maxlength={REASON_MAX}
          placeholder={placeholder}
          value={reason}
          onInput={(e) => {
            setReason(e.detail.value);
            setError('');
          }}
        />
        <View className='reason-popup__meta'>
          <Text className='reason-popup__error reason-error'>{error}</Text>
          <Text className='reason-popup__count'>
            {reason.trim().length}/{REASON_MAX}
          </Text>
        </View>
        <View className='reason-popup__buttons'>
          <Button className='reason-cancel' onClick={onClose}>
            取消
          </Button>
          <Button className='reason-confirm' type='danger' loading={busy} disabled={busy} onClick={confirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
