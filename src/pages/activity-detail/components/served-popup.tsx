// 服务人数: once the activity has started, its leader and admins record how many people it served (接受服务的群众
// 人次 of 附件3) and a short summary of what was done; both can be corrected later.
import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button, Popup } from '../../../components/nutui';
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
  }, [visible, servedCount, summary]);

  const save = () => {
    if (!/^\d{1,7}$/.test(count.trim())) return setError('请填写服务群众人次（整数）');
    return submit(async () => {
      await recordServed({ activityId, servedCount: Number(count.trim()), ...(text.trim() ? { summary: text.trim() } : {}) });
      onDone();
    });
  };

  return (
    <Popup visible={visible} position='bottom' round title='服务人数' closeable onClose={onClose}>
      <View className='served-popup'>
        <Text className='served-popup__label'>接受服务的群众人次</Text>
        <Input
          className='served-popup__input served-count'
          type='number'
          placeholder='例如 120'
          value={count}
          onInput={(e) => {
            setCount(e.detail.value);
            setError('');
          }}
        />
        <Text className='served-popup__label'>活动总结（选填，用于附件3 亮点活动）</Text>
        <Textarea
          className='served-popup__input served-popup__summary served-summary'
          maxlength={SUMMARY_MAX}
          placeholder='服务内容与效果'
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='served-popup__error served-error'>{error}</Text>
        <Button className='served-save' type='primary' block loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </Popup>
  );
}
