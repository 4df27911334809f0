// 注销 on 我的数据: what is deleted and what is kept (and why) are shown first; the button under them confirms.
// Test classes: withdraw-removes, withdraw-keeps, withdraw-start, withdraw-confirm, withdraw-cancel, withdraw-error.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { withdraw } from '../../../services/user';
import { useSubmit } from '../../../hooks/use-submit';
import { WITHDRAW_KEEPS, WITHDRAW_REMOVES } from '@contract/user';
import { tabs } from '../../../routes';

export default function WithdrawCard() {
  const [asked, setAsked] = useState(false);
  const { busy, error, submit } = useSubmit();

  const confirm = () =>
    submit(async () => {
      await withdraw();
      void Taro.showToast({ title: '已注销', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.switchTab({ url: tabs.mine }), 1200);
    });

  return (
    <View className='card my-data__card my-data__withdraw'>
      <Text className='my-data__title'>注销志愿者身份</Text>
      <Text className='my-data__label'>注销后将删除：</Text>
      <View className='withdraw-removes'>
        {WITHDRAW_REMOVES.map((r) => (
          <Text key={r} className='my-data__item'>
            · {r}
          </Text>
        ))}
      </View>
      <Text className='my-data__label'>注销后仍将保留：</Text>
      <View className='withdraw-keeps'>
        {WITHDRAW_KEEPS.map((k) => (
          <View key={k.what} className='my-data__keep'>
            <Text className='my-data__item'>· {k.what}</Text>
            <Text className='my-data__why'>原因：{k.why}</Text>
          </View>
        ))}
      </View>
      <Text className='my-data__text'>注销前建议先下载我的数据。负责人须先移交负责人后才能注销。</Text>
      {error ? <Text className='my-data__error withdraw-error'>{error}</Text> : null}
      {asked ? (
        <View className='my-data__actions'>
          <Button className='withdraw-cancel' disabled={busy} onClick={() => setAsked(false)}>
            再想想
          </Button>
          <Button className='withdraw-confirm' type='danger' loading={busy} disabled={busy} onClick={confirm}>
            确认注销
          </Button>
        </View>
      ) : (
        <Button className='my-data__withdraw-start withdraw-start' type='danger' fill='outline' block onClick={() => setAsked(true)}>
          我已了解，注销志愿者身份
        </Button>
      )}
    </View>
  );
}
