// For the team's leader and admins on 活动详情: how many enrolled through shares, 编辑, 报名名单, 活动海报 (a poster
// with the 小程序码 for WeChat groups), and once it has started 服务人数 (for 附件3); 取消活动 sits apart at the bottom
// of the card (act-danger-zone), away from 编辑, so no one taps it by mistake.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import type { ActivityPhase } from '@contract/enums';
import { routes } from '../../../routes';

type Props = {
  activityId: string;
  phase: ActivityPhase;
  servedCount?: number;
  shareEnrollments?: number;
  onCancelActivity: () => void;
  onRecordServed: () => void;
  /** 活动海报, while the activity still takes enrollments; `posterBusy` while it is drawn. */
  onPoster?: () => void;
  posterBusy?: boolean;
};

export default function ManageActions(props: Props) {
  const { activityId, phase, servedCount, shareEnrollments, onCancelActivity, onRecordServed, onPoster, posterBusy } = props;
  const id = encodeURIComponent(activityId);
  const editable = phase !== 'cancelled' && phase !== 'ended';
  const started = phase === 'ongoing' || phase === 'ended';
  return (
    <View className='card act-detail__section act-manage'>
      <Text className='act-detail__section-title'>活动管理</Text>
      {shareEnrollments !== undefined ? (
        <Text className='act-detail__share-count act-share-count'>通过分享报名 {shareEnrollments} 人</Text>
      ) : null}
      <View className='act-detail__manage'>
        {editable ? (
          <Button
            className='act-edit'
            size='small'
            fill='outline'
            type='primary'
            onClick={() => Taro.navigateTo({ url: routes.editActivity(id) })}
          >
            编辑
          </Button>
        ) : null}
        <Button
          className='act-roster'
          size='small'
          fill='outline'
          type='primary'
          onClick={() => Taro.navigateTo({ url: routes.enrollments(id) })}
        >
          报名名单
        </Button>
        {onPoster ? (
          <Button
            className='act-poster'
            size='small'
            fill='outline'
            type='primary'
            loading={posterBusy}
            disabled={posterBusy}
            onClick={onPoster}
          >
            活动海报
          </Button>
        ) : null}
        {started ? (
          <Button className='act-served' size='small' fill='outline' type='primary' onClick={onRecordServed}>
            {servedCount === undefined ? '填写服务人数' : `服务 ${servedCount} 人次`}
          </Button>
        ) : null}
      </View>
      {editable ? (
        <View className='act-detail__danger act-danger-zone'>
          <Text className='act-detail__danger-title'>取消活动</Text>
          <Text className='act-detail__danger-text'>取消后会通知已报名和候补的志愿者，签到码停止使用，且不能恢复。</Text>
          <Button className='act-cancel-activity' size='small' fill='outline' type='danger' onClick={onCancelActivity}>
            取消活动
          </Button>
        </View>
      ) : null}
    </View>
  );
}
