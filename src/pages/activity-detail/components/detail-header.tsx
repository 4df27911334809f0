// The top of 活动详情: title with its phase, the team, category and key-day chips, 仅限队员, and why it was cancelled.
import { Text, View } from '@tarojs/components';
import type { ActivityGetOutput } from '@contract/activity';
import { ACTIVITY_PHASE_LABEL } from '@contract/enums';

export default function DetailHeader({ data }: { data: ActivityGetOutput }) {
  const a = data.activity;
  return (
    <>
      <View className='act-detail__header'>
        <View className='act-detail__title-row'>
          <Text className='act-detail__title act-title'>{a.title}</Text>
          <Text className={`act-detail__phase act-phase is-${data.phase}`}>{ACTIVITY_PHASE_LABEL[data.phase]}</Text>
        </View>
        <Text className='act-detail__org act-org'>{a.orgName}</Text>
        <View className='act-detail__chips'>
          <Text className='act-detail__chip'>{a.category}</Text>
          {a.keyDay ? <Text className='act-detail__chip'>{a.keyDay}</Text> : null}
          {a.audience === 'members' ? <Text className='act-detail__chip act-members-only'>仅限队员</Text> : null}
        </View>
      </View>

      {data.phase === 'cancelled' ? (
        <View className='act-detail__banner act-cancel-reason'>
          <Text className='act-detail__banner-title'>活动已取消</Text>
          {a.cancelReason ? <Text className='act-detail__banner-text'>取消原因：{a.cancelReason}</Text> : null}
        </View>
      ) : null}
    </>
  );
}
