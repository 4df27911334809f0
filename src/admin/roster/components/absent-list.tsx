// 未到: the enrolled volunteers not signed in on the day, each with 拨打电话 (the full number is asked for on the tap,
// which the server audits, and handed to the phone's dialer); 全部已到 when nobody is missing.
// Test classes: ck-absent (the section), ck-absent-count, ck-absent-row, ck-absent-name, ck-absent-call, ck-absent-none.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { volunteerPhone } from '../../../services/checkin';
import { toCloudError } from '../../../services/cloud-error';
import { callPhone } from '../../../device/phone';
import type { RosterEntry } from '@contract/checkin';

type Props = { activityId: string; rows: RosterEntry[]; canCall: boolean };

export default function AbsentList({ activityId, rows, canCall }: Props) {
  const [calling, setCalling] = useState('');
  const absent = rows.filter((r) => r.status === 'absent');

  const call = async (r: RosterEntry) => {
    if (calling) return;
    setCalling(r.openid);
    try {
      const { phone } = await volunteerPhone(activityId, r.openid);
      await callPhone(phone);
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '无法拨打电话', icon: 'none', duration: 2500 });
    } finally {
      setCalling('');
    }
  };

  return (
    <View className='card roster-absent ck-absent'>
      <View className='roster-absent__head'>
        <Text className='roster-absent__title'>未到</Text>
        <Text className='roster-absent__count ck-absent-count'>{absent.length}人</Text>
      </View>
      {absent.length === 0 ? <Text className='roster-absent__none ck-absent-none'>全部已到</Text> : null}
      {absent.map((r) => (
        <View key={r.openid} className='roster-absent__row ck-absent-row'>
          <View className='roster-absent__who'>
            <Text className='roster-absent__name ck-absent-name'>{r.realName || '（未填写姓名）'}</Text>
            <Text className='roster-absent__phone'>{r.phoneMasked}</Text>
          </View>
          {canCall ? (
            <Button
              className='ck-absent-call'
              size='small'
              type='primary'
              fill='outline'
              loading={calling === r.openid}
              disabled={Boolean(calling)}
              onClick={() => void call(r)}
            >
              拨打电话
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
