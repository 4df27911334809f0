// Scans kept on the phone while the server could not be reached: the panel right after one was kept (已离线记录，联网后
// 自动上传, 签到/签退, the phone's time, 待上传 N 条, 立即上传 and 返回), the banner of a page while any wait, and what the
// server made of each once uploaded, in words.
// Test classes: ck-offline (the panel), ck-offline-title, ck-offline-kind, ck-offline-time, ck-offline-count,
// ck-offline-outcome, ck-offline-error, ck-offline-flush, ck-offline-back; ck-offline-banner, ck-offline-banner-count,
// ck-offline-banner-flush, ck-offline-results, ck-offline-result (is-ok / is-wait / is-bad), ck-offline-result-title,
// ck-offline-result-detail.
import { Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import type { OfflineItemResult } from '@contract/checkin';
import type { QueueState } from '../../services/offline-queue';
import type { QueuedScan } from '../../services/checkin-offline';
import type { OfflineQueueView } from '../../hooks/use-offline-queue';
import { offlineResultWords, phoneTimeText, queuedKindText } from './offline-words';
import './offline.scss';

/** The answer the server gave one queued scan, if it has. */
export const resultOf = (state: QueueState<QueuedScan>, nonce: string) => state.done.find((d) => d.item.nonce === nonce);

/** A failed try that is not the network's (the server refused the whole upload): the tap has to be sent again. */
const failureText = (state: QueueState<QueuedScan>) =>
  state.lastError
    ? state.lastError.code === 'NETWORK'
      ? '仍无法连接服务器，联网后会自动上传'
      : `上传失败：${state.lastError.message}`
    : '';

/** One scan's result as a line: 签到 09:30 · 已上传并记录, with why under it. */
export function OfflineResultLine({ item, result, label }: { item: QueuedScan; result: OfflineItemResult; label?: string }) {
  const words = offlineResultWords(result);
  return (
    <View className={`offline-result ck-offline-result is-${words.tone}`}>
      <Text className='offline-result__what'>
        {label ? `${label} · ` : ''}
        {queuedKindText(result.kind ?? item.kind)} {phoneTimeText(item.claimedAt)}
      </Text>
      <Text className='offline-result__title ck-offline-result-title'>{words.title}</Text>
      {words.detail ? <Text className='offline-result__detail ck-offline-result-detail'>{words.detail}</Text> : null}
    </View>
  );
}

type PanelProps = { item: QueuedScan; queue: OfflineQueueView<QueuedScan>; onBack: () => void };

/** Right after a scan was kept: what was kept, how many wait, and a way to send them now. */
export function OfflineSaved({ item, queue, onBack }: PanelProps) {
  const { state, flushing, flush } = queue;
  const answered = resultOf(state, item.nonce);
  const waiting = state.items.length;
  const stillQueued = state.items.some((i) => i.nonce === item.nonce);
  return (
    <View className='card checkin-result offline-saved ck-offline'>
      <View className='checkin-result__icon is-offline'>⇡</View>
      <Text className='checkin-result__title ck-offline-title'>已离线记录，联网后自动上传</Text>
      <View className='checkin-result__facts'>
        <View className='checkin-result__fact'>
          <Text className='checkin-result__fact-label'>扫码类型</Text>
          <Text className='checkin-result__fact-value ck-offline-kind'>{queuedKindText(item.kind)}</Text>
        </View>
        <View className='checkin-result__fact'>
          <Text className='checkin-result__fact-label'>扫码时间（手机时间）</Text>
          <Text className='checkin-result__fact-value ck-offline-time'>{phoneTimeText(item.claimedAt)}</Text>
        </View>
      </View>
      <Text className='offline-saved__count ck-offline-count'>待上传 {waiting} 条</Text>
      {answered ? (
        <View className='offline-saved__outcome ck-offline-outcome'>
          <OfflineResultLine item={answered.item} result={answered.result} />
        </View>
      ) : (
        <Text className='checkin-result__message'>网络恢复后会自动上传，不会重复记录；上传结果可在“我的时长”中查看。</Text>
      )}
      {stillQueued && !flushing && failureText(state) ? (
        <Text className='offline-saved__error ck-offline-error'>{failureText(state)}</Text>
      ) : null}
      <View className='checkin-result__buttons'>
        {waiting > 0 ? (
          <Button className='ck-offline-flush' type='primary' block loading={flushing} disabled={flushing} onClick={() => void flush()}>
            立即上传
          </Button>
        ) : null}
        <Button className='ck-offline-back' block onClick={onBack}>
          返回
        </Button>
      </View>
    </View>
  );
}

type BannerProps = {
  queue: OfflineQueueView<QueuedScan>;
  /** The results to show under the banner (those of uploads answered while the page was open). */
  results: QueueState<QueuedScan>['done'];
};

/** "有 N 条扫码待上传" with 立即上传 while any wait, and the results of the latest uploads. */
export function OfflineBanner({ queue, results }: BannerProps) {
  const { state, flushing, flush } = queue;
  const waiting = state.items.length;
  if (waiting === 0 && results.length === 0) return null;
  return (
    <View className='card offline-banner'>
      {waiting > 0 ? (
        <View className='offline-banner__head ck-offline-banner'>
          <Text className='offline-banner__text'>
            有 <Text className='ck-offline-banner-count'>{waiting}</Text> 条扫码待上传
          </Text>
          <Button
            className='ck-offline-banner-flush'
            type='primary'
            size='small'
            loading={flushing}
            disabled={flushing}
            onClick={() => void flush()}
          >
            立即上传
          </Button>
        </View>
      ) : null}
      {waiting > 0 && !flushing && failureText(state) ? (
        <Text className='offline-saved__error ck-offline-error'>{failureText(state)}</Text>
      ) : null}
      {results.length > 0 ? (
        <View className='offline-banner__results ck-offline-results'>
          <Text className='offline-banner__results-title'>离线扫码上传结果</Text>
          {results.map((d) => (
            <OfflineResultLine key={d.item.nonce} item={d.item} result={d.result} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
