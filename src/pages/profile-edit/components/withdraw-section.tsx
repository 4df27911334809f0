// 注销: a confirmation that explains what stays (service records), then withdraw; leaders are told to hand over first.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { Popup } from '../../../components/nutui/popup';
import { withdraw } from '../../../services/user';
import { toCloudError } from '../../../services/cloud-error';
import { tabs } from '../../../routes';

export default function WithdrawSection() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await withdraw();
      setOpen(false);
      void Taro.showToast({ title: '已注销', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.switchTab({ url: tabs.home }), 1200);
    } catch (e) {
      const err = toCloudError(e);
      setOpen(false);
      setError(err.code === 'AUTH.FORBIDDEN' ? `${err.message}（队长、管理员须先移交职务后才能注销）` : err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='profile-withdraw-box'>
      {error ? <Text className='register__banner profile-withdraw-error'>{error}</Text> : null}
      <Button className='profile-withdraw' type='danger' fill='outline' block onClick={() => setOpen(true)}>
        注销志愿者身份
      </Button>
      <Popup visible={open} position='center' round onClose={() => !busy && setOpen(false)} className='profile-withdraw-popup'>
        <View className='profile-withdraw-dialog'>
          <Text className='profile-withdraw-dialog__title'>确认注销？</Text>
          <Text className='profile-withdraw-dialog__text'>
            注销后您的个人信息将被清除，无法再报名活动；已有的志愿服务记录和时长将按规定保留，不会删除。
          </Text>
          <View className='profile-withdraw-dialog__actions'>
            <Button className='profile-withdraw-cancel' disabled={busy} onClick={() => setOpen(false)}>
              再想想
            </Button>
            <Button className='profile-withdraw-confirm' type='danger' loading={busy} disabled={busy} onClick={confirm}>
              确认注销
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  );
}
