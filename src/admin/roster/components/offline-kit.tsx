// 离线准备 on the roster: keeps the activity's volunteers on this phone so that their personal codes can be scanned
// without a network, and says when it was done. Test classes: ck-offline-prepare, ck-offline-kit.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui/button';
import { monthDayTimeOf } from '@contract/time';
import type { StoredKit } from '../../../services/offline-kit';
import './offline-list.scss';

type Props = { stored?: StoredKit; preparing: boolean; onPrepare: () => Promise<string | null> };

export default function OfflineKit({ stored, preparing, onPrepare }: Props) {
  const prepare = async () => {
    if (preparing) return;
    const error = await onPrepare();
    void Taro.showToast({ title: error ?? '离线准备完成', icon: 'none' });
  };
  return (
    <View className='roster-offline-kit'>
      <Text className='roster-offline-kit__line ck-offline-kit'>
        {stored
          ? `已离线准备（${monthDayTimeOf(stored.preparedAt)}），${stored.kit.volunteers.length}名志愿者`
          : '无网络时也能扫志愿者签到码：出发前请先离线准备'}
      </Text>
      <Button className='ck-offline-prepare' size='small' fill='outline' type='primary' loading={preparing} onClick={prepare}>
        {stored ? '重新准备' : '离线准备'}
      </Button>
    </View>
  );
}
