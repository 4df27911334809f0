// 服务人数: once the activity has started, its leader and admins record how many people it served (接受服务的群众
// 人次 of 附件3) and a short summary of what was done; both can be corrected later.
import { useEffect, useState } from 'react';
import { Input } from '@tarojs/components';
import FormSheet, { SheetLabel, SheetTextarea } from '../../../components/form-sheet';
import { recordServed } from '../../../services/activity';
import { useSubmit } from '../../../hooks/use-submit';

const SUMMARY_MAX = 500;

type Props = { visible: boolean; activityId: string; servedCount?: number; summary?: string; onDone: () => void; onClose: () => void };

export default function ServedPopup({ visible, activityId, servedCount, summary, onDone, onClose }: Props) {
  const [count, setCount] = useState('');
  const [text, setText] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!visible) return;
    setCount(servedCount === undefined ? '' : String(servedCount));
    setText(summary ?? '');
    setError('');
  }, [visible, servedCount, summary, setError]);

  const save = () => {
    if (!/^\d{1,7}$/.test(count.trim())) return setError('请填写服务群众人次（整数）');
    return submit(async () => {
      await recordServed({ activityId, servedCount: Number(count.trim()), ...(text.trim() ? { summary: text.trim() } : {}) });
      onDone();
    });
  };

  return (
    <FormSheet
      visible={visible}
      title='服务人数'
      onClose={onClose}
      error={error}
      errorClass='served-error'
      confirm={{ text: '保存', className: 'served-save', busy, onClick: save }}
    >
      <SheetLabel>接受服务的群众人次</SheetLabel>
      <Input
        className='served-popup__count served-count'
        type='number'
        placeholder='例如 120'
        value={count}
        onInput={(e) => {
          setCount(e.detail.value);
          setError('');
        }}
      />
      <SheetLabel>活动总结（选填，用于附件3 亮点活动）</SheetLabel>
      <SheetTextarea className='served-summary' max={SUMMARY_MAX} placeholder='服务内容与效果' value={text} onInput={setText} />
    </FormSheet>
  );
}
