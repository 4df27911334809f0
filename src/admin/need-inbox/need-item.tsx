// One need in 需求派单 and 需求广场: title and progress, who asks, category, place, preferred dates, when it was posted.
// Tapping it opens the need page (派单, 接单, 关闭 there).
// Test classes: need-item, need-item-title, need-item-progress, need-item-requester, need-item-place, need-item-dates,
// need-item-posted.
import { Text, View } from '@tarojs/components';
import { Tag } from '../../components/nutui/tag';
import type { NeedProgress, NeedView } from '@contract/need';
import { dateRange, shanghaiParts } from '@contract/time';
import { regionName } from '../../utils/region';
import { useRegions } from '../../hooks/use-regions';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default';
const PROGRESS_TAG: Record<NeedProgress, TagType> = {
  待响应: 'warning',
  已派单: 'primary',
  已接单: 'primary',
  服务中: 'success',
  待评价: 'success',
  已完成: 'default',
  已关闭: 'danger',
};

export default function NeedItem({ need: n, onClick }: { need: NeedView; onClick: () => void }) {
  useRegions();
  return (
    <View className='card need-item' onClick={onClick}>
      <View className='need-item__head'>
        <Text className='need-item__title need-item-title'>{n.title}</Text>
        <Tag type={PROGRESS_TAG[n.progress]} className='need-item__progress need-item-progress'>
          {n.progress}
        </Tag>
      </View>
      <View className='need-item__chips'>
        <Text className='chip need-item-category'>{n.category}</Text>
        <Text className='chip is-plain need-item-requester'>
          {n.requesterKind}
          {n.requesterName ? ` · ${n.requesterName}` : ''}
        </Text>
      </View>
      <View className='need-item__line'>
        <Text className='need-item__label'>地点</Text>
        <Text className='need-item__value need-item-place'>
          {regionName(n.region)} {n.address}
        </Text>
      </View>
      <View className='need-item__line'>
        <Text className='need-item__label'>期望</Text>
        <Text className='need-item__value need-item-dates'>
          {dateRange(n.preferredFrom, n.preferredTo)} · 约{n.audienceSize}人
        </Text>
      </View>
      <View className='need-item__foot'>
        <Text className='need-item__org'>{n.assignedOrgName ? `承接：${n.assignedOrgName}` : `派单队伍：${n.coveringOrgName}`}</Text>
        <Text className='need-item__posted need-item-posted'>{shanghaiParts(n.postedAt)?.date ?? ''} 提交</Text>
      </View>
    </View>
  );
}
