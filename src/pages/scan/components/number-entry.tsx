// The typed fallback on the scan page: the 6-digit 现场数字码 shown under the admin's screen code, with a numeric
// keyboard and large digits. Test classes: ck-scan-number (the field), ck-scan-number-submit, ck-scan-number-error.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { ONSITE_NUMBER_LENGTH, ONSITE_NUMBER_PATTERN } from '@contract/checkin';
import './number-entry.scss';

type Props = { busy: boolean; onNumber: (number: string) => void };

export default function NumberEntry({ busy, onNumber }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  const submit = () => {
    if (busy) return;
    const number = text.replace(/\s/g, '');
    if (!ONSITE_NUMBER_PATTERN.test(number)) return setError(`请输入${ONSITE_NUMBER_LENGTH}位数字`);
    setError('');
    onNumber(number);
  };

  return (
    <View className='number-entry'>
      <Text className='number-entry__label'>扫不了码？输入管理员屏幕上二维码下方的{ONSITE_NUMBER_LENGTH}位现场数字码</Text>
      <Input
        className='number-entry__input ck-scan-number'
        type='number'
        maxlength={ONSITE_NUMBER_LENGTH + 1}
        placeholder='6位数字'
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          setError('');
        }}
        onConfirm={submit}
      />
      {error ? <Text className='number-entry__error ck-scan-number-error'>{error}</Text> : null}
      <Button className='ck-scan-number-submit' type='primary' fill='outline' block loading={busy} disabled={busy} onClick={submit}>
        用数字码签到 / 签退
      </Button>
    </View>
  );
}
