// The answer to a personal code scanned without a network: kept for upload (已离线记录：张三 签到（待上传）), or why not
// (not enrolled here, the admin's own, no 离线准备). Test classes: ck-vscan-offline (is-ok / is-error),
// ck-vscan-offline-text, ck-vscan-offline-again.
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import type { OfflineAnswer } from '../use-offline-roster';
import './offline-list.scss';

export default function OfflineScanResult({ answer, onAgain }: { answer: OfflineAnswer; onAgain: () => void }) {
  return (
    <View className={`card roster-offline-result ck-vscan-offline ${answer.ok ? 'is-ok' : 'is-error'}`}>
      <Text className='roster-offline-result__text ck-vscan-offline-text'>{answer.ok ? answer.line : answer.message}</Text>
      {answer.ok ? <Text className='roster-offline-result__hint'>网络恢复后将自动上传，也可在离线名单中立即上传</Text> : null}
      <Button className='ck-vscan-offline-again' type='primary' block onClick={onAgain}>
        继续扫码
      </Button>
    </View>
  );
}
