// The caller's own 身份核验 appeals with their outcome (loading, error with retry; nothing when there are none).
import { Text, View } from '@tarojs/components';
import { Tag } from '../../../components/nutui/tag';
import StateView from '../../../components/state-view';
import { APPEAL_STATUS_LABEL, type MyAppeal } from '@contract/user';
import { dateTimeOf } from '@contract/time';

import type { Resource } from '../../../hooks/use-resource';

const TAG = { pending: 'warning', upheld: 'success', rejected: 'danger' } as const;

export default function MyAppeals({ state, onRetry }: { state: Resource<MyAppeal[]>; onRetry: () => void }) {
  if (state.status === 'loading') return <StateView kind='loading' className='appeal-mine-loading' rows={2} />;
  if (state.status === 'error')
    return <StateView kind='error' className='appeal-mine-error' message={state.error.message} onRetry={onRetry} />;
  if (state.status === 'empty') return null;
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>我的申请</View>
      {state.data.map((a) => (
        <View key={a.appealId} className='card appeal-item appeal-mine-item'>
          <View className='appeal-item__head'>
            <Text className='appeal-item__name'>
              {a.realName} · {a.idNumberMasked}
            </Text>
            <Tag type={TAG[a.status]} className='appeal-mine-status'>
              {APPEAL_STATUS_LABEL[a.status]}
            </Tag>
          </View>
          <Text className='appeal-item__line'>提交时间：{dateTimeOf(a.createdAt)}</Text>
          {a.reason ? (
            <Text className='appeal-item__line appeal-mine-reason'>
              {a.status === 'rejected' ? '未通过原因' : '处理说明'}：{a.reason}
            </Text>
          ) : null}
          {a.status === 'upheld' ? <Text className='appeal-item__hint'>该身份证号已释放，请返回注册页重新注册</Text> : null}
        </View>
      ))}
    </View>
  );
}
