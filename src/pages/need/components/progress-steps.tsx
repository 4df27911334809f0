// Where a need stands: the six steps 待响应 → 已派单 → 已接单 → 服务中 → 待评价 → 已完成 with the current one
// highlighted and the earlier ones done, or 已关闭 with the reason.
import { Text, View } from '@tarojs/components';
import type { NeedView } from '@contract/need';
import { NEED_STEPS, stepIndex } from '../helpers';

export default function ProgressSteps({ need }: { need: NeedView }) {
  if (need.progress === '已关闭') {
    return (
      <View className='card need-steps need-steps--closed need-closed'>
        <Text className='need-steps__closed-title'>已关闭</Text>
        {need.closeReason ? <Text className='need-steps__reason need-close-reason'>原因：{need.closeReason}</Text> : null}
      </View>
    );
  }
  const at = stepIndex(need.progress);
  // The last step reached is done, not waited for.
  const done = (i: number) => i < at || (i === at && at === NEED_STEPS.length - 1);
  return (
    <View className='card need-steps'>
      {NEED_STEPS.map((s, i) => (
        <View key={s} className={`need-steps__step need-step${i < at ? ' is-done' : ''}${i === at ? ' is-current need-step-current' : ''}`}>
          <View className='need-steps__dot'>{done(i) ? '✓' : i + 1}</View>
          <Text className='need-steps__label'>{s}</Text>
        </View>
      ))}
    </View>
  );
}
