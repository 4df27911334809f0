// The way into 身份核验 from 审核, shown only to those who may decide appeals (the root 总队's leader and admins):
// anyone else is answered AUTH.FORBIDDEN and sees nothing here.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { identityAppeals } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import { routes } from '../../routes';
import './index.scss';

export default function IdentityAppealsEntry() {
  const { state } = useResource(() => identityAppeals({ status: 'pending', pageSize: 1 }));
  const pending = state.status === 'ready' ? state.data.total : null;
  if (pending === null) return null;
  return (
    <View className='card id-appeal-entry inbox-identity-appeals' onClick={() => Taro.navigateTo({ url: routes.identityAppeals() })}>
      <Text>身份核验申请（身份证号被冒用）</Text>
      <Text className={pending > 0 ? 'id-appeal-entry__count' : ''}>{pending > 0 ? `待核验 ${pending} ›` : '查看 ›'}</Text>
    </View>
  );
}
