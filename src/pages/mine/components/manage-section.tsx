// 管理 on 我的: shown to leaders and admins — the approvals inbox, 需求派单 and 投诉处理 with their badges; per managed team 成员管理, 集体注册,
// 发布活动, 我发布的活动, 时长更正审核, 统计报表 (with the 附件2/附件3 exports), 培训记录, 记录表彰, 发布通知公告 and 对接全国系统; 表彰审核.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useManaged } from '../../../hooks/use-managed';
import { useResource } from '../../../hooks/use-resource';
import { needToDoCount } from '../../../services/need-admin';
import { complaintToDoCount } from '../../../services/complaint';
import { ORG_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import { routes } from '../../../routes';

export default function ManageSection() {
  const { managed, reload } = useManaged();
  // 供需对接's to-dos, asked only of someone managing an approved team (need.inbox refuses everyone else).
  const approved = managed.status === 'ready' && managed.items.some((o) => o.status === 'approved');
  const needs = useResource(approved ? needToDoCount : null, [approved]).state;
  const needCount = needs.status === 'ready' ? needs.data : null;
  const complaints = useResource(approved ? complaintToDoCount : null, [approved]).state;
  const complaintCount = complaints.status === 'ready' ? complaints.data : null;

  if (managed.status === 'loading') return null;
  if (managed.status === 'error') {
    return (
      <View className='card mine__manage mine-manage-error'>
        <Text className='mine__section-title'>队伍管理</Text>
        <View className='mine__manage-error'>
          <Text className='mine__error-text'>管理信息加载失败：{managed.message}</Text>
          <Text className='mine__link mine-manage-retry' onClick={reload}>
            重试
          </Text>
        </View>
      </View>
    );
  }
  if (managed.items.length === 0) return null;

  return (
    <View className='card mine__manage mine-manage'>
      <Text className='mine__section-title'>队伍管理</Text>
      <View className='mine__entry mine-inbox' onClick={() => Taro.navigateTo({ url: routes.inbox() })}>
        <Text className='mine__entry-title'>审核</Text>
        <View className='mine__entry-side'>
          {managed.pending ? (
            <Text className='mine__badge mine-inbox-badge'>{managed.pending > 99 ? '99+' : managed.pending}</Text>
          ) : (
            <Text className='mine__muted mine-inbox-none'>{managed.pending === 0 ? '暂无待审核' : ''}</Text>
          )}
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
      {approved ? (
        <View className='mine__entry mine-need-inbox' onClick={() => Taro.navigateTo({ url: routes.needInbox() })}>
          <Text className='mine__entry-title'>需求派单</Text>
          <View className='mine__entry-side'>
            {needCount ? (
              <Text className='mine__badge mine-need-inbox-badge'>{needCount > 99 ? '99+' : needCount}</Text>
            ) : (
              <Text className='mine__muted mine-need-inbox-none'>{needCount === 0 ? '暂无待派单' : ''}</Text>
            )}
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      ) : null}
      {approved ? (
        <View className='mine__entry mine-complaint-inbox' onClick={() => Taro.navigateTo({ url: routes.complaintInbox() })}>
          <Text className='mine__entry-title'>投诉处理</Text>
          <View className='mine__entry-side'>
            {complaintCount ? (
              <Text className='mine__badge mine-complaint-inbox-badge'>{complaintCount > 99 ? '99+' : complaintCount}</Text>
            ) : (
              <Text className='mine__muted mine-complaint-inbox-none'>{complaintCount === 0 ? '暂无待答复' : ''}</Text>
            )}
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      ) : null}
      {approved ? (
        <View className='mine__entry mine-commendation-inbox' onClick={() => Taro.navigateTo({ url: routes.commendationInbox() })}>
          <Text className='mine__entry-title'>表彰审核</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>下级队伍记录的表彰</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      ) : null}
      {managed.items.map((o) => (
        <View key={o._id} className='mine__team'>
          <View
            className='mine__entry mine-managed-org'
            onClick={() =>
              Taro.navigateTo({
                url: o.status === 'approved' ? routes.members(o._id) : routes.orgDetail(o._id),
              })
            }
          >
            <View className='mine__org-main'>
              <Text className='mine__entry-title'>{o.name}</Text>
              <Text className='mine__org-role'>
                {ROLE_LABEL[o.role]}
                {o.status === 'approved' ? ' · 成员管理' : ` · 队伍注册${ORG_STATUS_LABEL[o.status]}`}
              </Text>
            </View>
            {o.status === 'approved' ? (
              <Text
                className='mine__link mine-import-org'
                onClick={(e) => {
                  e.stopPropagation();
                  void Taro.navigateTo({ url: routes.import(o._id) });
                }}
              >
                集体注册
              </Text>
            ) : null}
            <Text className='mine__arrow'>›</Text>
          </View>
          {o.status === 'approved' ? (
            <View className='mine__team-actions'>
              <Text className='mine__action mine-publish-activity' onClick={() => Taro.navigateTo({ url: routes.publishActivity(o._id) })}>
                发布活动
              </Text>
              <Text
                className='mine__action mine-published-activities'
                onClick={() => Taro.navigateTo({ url: routes.publishedActivities(o._id) })}
              >
                我发布的活动
              </Text>
              <Text className='mine__action mine-corrections' onClick={() => Taro.navigateTo({ url: routes.corrections(o._id) })}>
                时长更正审核
              </Text>
              <Text className='mine__action mine-stats' onClick={() => Taro.navigateTo({ url: routes.stats(o._id) })}>
                统计报表
              </Text>
              <Text className='mine__action mine-trainings-admin' onClick={() => Taro.navigateTo({ url: routes.trainings(o._id) })}>
                培训记录
              </Text>
              <Text className='mine__action mine-commend' onClick={() => Taro.navigateTo({ url: routes.commend(o._id) })}>
                记录表彰
              </Text>
              <Text className='mine__action mine-publish-notice' onClick={() => Taro.navigateTo({ url: routes.publishNotice(o._id) })}>
                发布通知公告
              </Text>
              <Text className='mine__action mine-handoff' onClick={() => Taro.navigateTo({ url: routes.handoff(o._id) })}>
                对接全国系统
              </Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
