// Opened from a team's invitation: 申请加入 ready at the top of 队伍详情, saying what happens next (a volunteer not
// yet registered is taken to register first, with this team chosen).
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';

type Props = { again: boolean; busy: boolean; onJoin: () => void };

export default function InvitedCard({ again, busy, onJoin }: Props) {
  return (
    <View className='card org-detail__invited org-invited'>
      <Text className='org-detail__section-title'>邀请您加入本队</Text>
      <Text className='org-detail__hint'>申请提交后，由队伍负责人或管理员审核；还没有注册的，点下面的按钮会先带您注册。</Text>
      <Button className='org-invite-join org-detail__big-button' type='primary' block loading={busy} disabled={busy} onClick={onJoin}>
        {again ? '重新申请加入' : '申请加入'}
      </Button>
    </View>
  );
}
