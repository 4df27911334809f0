// 显示签到码: the training's code as a QR (rotating every 30 s, like an activity's screen code), with its text for
// a phone that types it in. Volunteers scan it on 扫码签到, on the training's day only.
import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import QrCode from '../../../components/qr-code';
import StateView from '../../../components/state-view';
import { useRotatingCode } from '../../../hooks/use-rotating-code';
import { trainingCode } from '../../../services/record';

export default function TrainingCode({ trainingId }: { trainingId: string }) {
  const load = useCallback(() => trainingCode(trainingId), [trainingId]);
  const { code, reload } = useRotatingCode(load);
  if (code.status === 'loading' || code.status === 'idle') return <StateView kind='loading' className='training-code-loading' rows={3} />;
  if (code.status === 'error')
    return <StateView kind='error' className='training-code-error' message={code.error.message} onRetry={reload} />;
  return (
    <View className='trainings__code'>
      <QrCode className='training-code-qr' payload={code.data.payload} svg={code.data.qrSvg} size={240} />
      {code.left !== null ? <Text className='trainings__muted training-code-countdown'>{code.left} 秒后更新</Text> : null}
      <Text className='trainings__muted'>请志愿者在“扫码签到”页扫描此码，仅限培训当天（{code.data.date}）</Text>
      <Text className='trainings__code-text training-code-text' userSelect>
        {code.data.payload}
      </Text>
    </View>
  );
}
