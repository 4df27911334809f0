// 离线名单: while the server cannot be reached (or scans wait for upload), who is in by the scans kept on this phone over
// the last roster read — 已签到 HH:mm / 已签退 / 未签到 — how many wait, the last successful sync and 立即上传; a 批量签退
// kept offline from here too. Test classes: ck-offline-list, ck-offline-row (is-in / is-out / is-absent),
// ck-offline-name, ck-offline-state, ck-offline-waiting, ck-offline-sync, ck-offline-error, ck-offline-upload,
// ck-offline-batch.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { clockOf } from '@contract/time';
import type { QueueState } from '../../../services/offline-queue';
import type { QueuedVolunteerScan } from '../../../services/checkin-offline';
import type { OfflineListRow } from '../offline';
import './offline-list.scss';

type Props = {
  rows: OfflineListRow[];
  queue: QueueState<QueuedVolunteerScan>;
  onUpload: () => Promise<unknown>;
  /** 批量签退 for everyone in (offered when someone is). */
  onBatch?: () => void;
};

const stateText = (r: OfflineListRow) => (r.state === 'out' ? '已签退' : r.state === 'in' ? `已签到 ${clockOf(r.signInAt)}` : '未签到');

export default function OfflineList({ rows, queue, onUpload, onBatch }: Props) {
  const [busy, setBusy] = useState(false);
  const waiting = queue.items.length;
  const inCount = rows.filter((r) => r.state === 'in').length;
  const upload = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onUpload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card roster-offline-list ck-offline-list'>
      <View className='roster-offline-list__head'>
        <Text className='roster-offline-list__title'>离线名单</Text>
        <Text className='roster-offline-list__waiting ck-offline-waiting'>{waiting > 0 ? `${waiting}条待上传` : '没有待上传的记录'}</Text>
      </View>
      <Text className='roster-offline-list__sync ck-offline-sync'>
        {queue.lastSyncAt ? `上次同步：${clockOf(queue.lastSyncAt)}` : '尚未同步'}
      </Text>
      {queue.lastError && waiting > 0 ? (
        <Text className='roster-offline-list__error ck-offline-error'>
          {queue.lastError.code === 'NETWORK' ? '网络恢复后将自动上传' : queue.lastError.message}
        </Text>
      ) : null}
      {rows.map((r) => (
        <View key={r.openid} className={`roster-offline-list__row ck-offline-row is-${r.state}`}>
          <Text className='roster-offline-list__name ck-offline-name'>{r.realName || '（未填写姓名）'}</Text>
          <Text className='roster-offline-list__phone'>{r.phoneMasked}</Text>
          <Text className='roster-offline-list__state ck-offline-state'>
            {stateText(r)}
            {r.waiting ? '（待上传）' : ''}
          </Text>
        </View>
      ))}
      <View className='roster-offline-list__buttons'>
        {waiting > 0 ? (
          <Button className='ck-offline-upload' size='small' type='primary' loading={busy} onClick={upload}>
            立即上传
          </Button>
        ) : null}
        {onBatch && inCount > 0 ? (
          <Button className='ck-offline-batch' size='small' fill='outline' type='primary' onClick={onBatch}>
            批量签退（{inCount}人）
          </Button>
        ) : null}
      </View>
    </View>
  );
}
