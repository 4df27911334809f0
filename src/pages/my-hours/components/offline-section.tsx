// 我的时长's part for scans kept offline: 待上传 (each queued scan: 签到/签退, the phone's time, the activity's title when
// the page knows it, else 离线扫码) with 立即上传, and the latest results that still ask for something (待管理员确认,
// 待管理员核实, 已失效, 未记录). Test classes: ck-hours-offline, ck-hours-offline-count, ck-hours-offline-item
// (-kind/-time/-title), ck-hours-offline-flush, ck-hours-offline-error, ck-hours-offline-results; the result lines'
// ck-offline-result* classes (components/checkin-result/offline).
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { Tag } from '../../../components/nutui/tag';
import { OfflineResultLine } from '../../../components/checkin-result/offline';
import { needsAttention, phoneTimeText, queuedKindText } from '../../../components/checkin-result/offline-words';
import type { QueuedScan } from '../../../services/checkin-offline';
import type { OfflineQueueView } from '../../../hooks/use-offline-queue';

/** Results listed at most. */
const ATTENTION_SHOWN = 10;

type Props = { queue: OfflineQueueView<QueuedScan>; titleOf: (activityId: string | undefined) => string | undefined };

export default function OfflineSection({ queue, titleOf }: Props) {
  const { state, flushing, flush } = queue;
  const attention = state.done.filter((d) => needsAttention(d.result)).slice(0, ATTENTION_SHOWN);
  if (state.items.length === 0 && attention.length === 0) return null;
  const label = (activityId: string | undefined) => titleOf(activityId) ?? '离线扫码';
  return (
    <View className='card hours-offline ck-hours-offline'>
      {state.items.length > 0 ? (
        <View>
          <View className='hours-offline__head'>
            <Text className='hours-offline__title'>
              待上传 <Text className='ck-hours-offline-count'>{state.items.length}</Text> 条
            </Text>
            <Button
              className='ck-hours-offline-flush'
              type='primary'
              size='small'
              loading={flushing}
              disabled={flushing}
              onClick={() => void flush()}
            >
              立即上传
            </Button>
          </View>
          <Text className='hours-offline__hint'>无网络时的扫码已保存在手机上，联网后自动上传，上传后计入时长。</Text>
          {state.lastError && !flushing ? (
            <Text className='hours-offline__error ck-hours-offline-error'>
              {state.lastError.code === 'NETWORK' ? '仍无法连接服务器，联网后会自动上传' : `上传失败：${state.lastError.message}`}
            </Text>
          ) : null}
          {state.items.map((item) => (
            <View key={item.nonce} className='hours-offline__item ck-hours-offline-item'>
              <View className='hours-offline__item-main'>
                <Text className='hours-offline__item-title ck-hours-offline-item-title'>{label(item.activityId)}</Text>
                <Text className='hours-offline__item-time'>
                  <Text className='ck-hours-offline-item-kind'>{queuedKindText(item.kind)}</Text> ·{' '}
                  <Text className='ck-hours-offline-item-time'>{phoneTimeText(item.claimedAt)}</Text>
                </Text>
              </View>
              <Tag type='warning'>待上传</Tag>
            </View>
          ))}
        </View>
      ) : null}
      {attention.length > 0 ? (
        <View className='hours-offline__results ck-hours-offline-results'>
          <Text className='hours-offline__title'>离线扫码需留意</Text>
          {attention.map((d) => (
            <OfflineResultLine key={d.item.nonce} item={d.item} result={d.result} label={label(d.item.activityId)} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
