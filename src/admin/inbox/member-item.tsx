// One member application in 审核: who applies to which team and what to judge by (age, region, 从业类别, 服务领域,
// 专业特长, teams joined); in 批量 mode a checkbox instead of the buttons.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { OrgInboxOutput } from '@contract/org';
import { dateTimeOf } from '@contract/time';
import { regionName } from '../../utils/region';
import { profileLines } from './helpers';
import { useRegions } from '../../hooks/use-regions';

export type MemberApp = OrgInboxOutput['members'][number];

type Props = {
  m: MemberApp;
  /** 批量 mode: the whole card toggles the choice. */
  batch: boolean;
  checked: boolean;
  onToggle: () => void;
  /** The 通过/驳回 buttons (outside 批量 mode). */
  buttons: ReactNode;
};

export default function MemberItem({ m, batch, checked, onToggle, buttons }: Props) {
  useRegions();
  return (
    <View
      className={`card inbox-item inbox-member-item${batch ? ' is-batch' : ''}${checked ? ' is-checked' : ''}`}
      onClick={batch ? onToggle : undefined}
    >
      <View className='inbox-item__head'>
        {batch ? <Text className={`inbox-check${checked ? ' is-checked' : ''}`}>{checked ? '✓' : ''}</Text> : null}
        <Text className='inbox-item__name'>{m.realName}</Text>
        <Text className='inbox-item__phone'>{m.phoneMasked}</Text>
      </View>
      <Text className='inbox-item__line'>申请加入：{m.orgName}</Text>
      <View className='inbox-profile'>
        {profileLines(m.profile, regionName).map((l) => (
          <Text key={l.label} className='inbox-profile__line'>
            <Text className='inbox-profile__label'>{l.label}：</Text>
            {l.value}
          </Text>
        ))}
      </View>
      <Text className='inbox-item__time'>申请时间：{dateTimeOf(m.appliedAt)}</Text>
      {batch ? null : buttons}
    </View>
  );
}
