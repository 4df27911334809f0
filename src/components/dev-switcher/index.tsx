// Emulator-only identity switcher: pick a demo openid or become a brand-new WeChat user.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import BottomSheet from '../bottom-sheet';
import { toCloudError } from '../../services/cloud-error';
import { isEmulator } from '../../services/env';
import { getDevOpenid, newDevOpenid, setDevOpenid } from '../../services/dev-identity';
import { listDevIdentities, type DevIdentity } from '../../services/dev';
import './index.scss';

type Props = { onSwitched: () => void };

export default function DevSwitcher({ onSwitched }: Props) {
  const [open, setOpen] = useState(false);
  const [identities, setIdentities] = useState<DevIdentity[]>([]);
  const [error, setError] = useState('');
  const [current, setCurrent] = useState(() => (isEmulator ? getDevOpenid() : ''));

  if (!isEmulator) return null;

  const show = () => {
    setOpen(true);
    setError('');
    listDevIdentities().then(setIdentities, (e: unknown) => setError(toCloudError(e).message));
  };
  const choose = (openid: string) => {
    setDevOpenid(openid);
    setCurrent(openid);
    setOpen(false);
    onSwitched();
  };

  return (
    <View className='dev-switcher'>
      <View className='dev-switcher__chip dev-switch' onClick={show}>
        切换身份
      </View>
      <BottomSheet visible={open} title='切换身份（仅本地模拟器）' onClose={() => setOpen(false)}>
        {/* On h5 the tab bar is drawn over the page, so the sheet leaves room for it. */}
        <View className={`dev-switcher__list${process.env.TARO_ENV === 'h5' ? ' is-above-tabbar' : ''}`}>
          <Text className='dev-switcher__current'>当前：{current}</Text>
          {identities.map((i) => (
            <View
              key={i.openid}
              className={`dev-switcher__item dev-identity-item${i.openid === current ? ' is-active' : ''}`}
              onClick={() => choose(i.openid)}
            >
              <Text className='dev-switcher__label'>{i.label}</Text>
              <Text className='dev-switcher__openid'>{i.openid}</Text>
            </View>
          ))}
          {error ? <Text className='dev-switcher__error'>{error}</Text> : null}
          <View className='dev-switcher__item dev-identity-new' onClick={() => choose(newDevOpenid())}>
            <Text className='dev-switcher__label'>新用户</Text>
            <Text className='dev-switcher__openid'>随机生成一个新的微信身份</Text>
          </View>
        </View>
      </BottomSheet>
    </View>
  );
}
