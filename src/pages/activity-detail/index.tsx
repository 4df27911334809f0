// 活动详情: everything about one activity, enrolling (after the risk notice, 志愿服务条例 §17) and cancelling it;
// shared to a chat or 朋友圈 with the sharer's token; the team's leader and admins also edit, cancel, make the poster,
// see the enrollments through shares and open the roster here.
// Test classes: act-title, act-phase, act-org, act-members-only, act-cancel-reason, act-schedule, act-add-calendar, act-place,
// act-map, act-address, act-navigate (also act-open-map), act-avatars/act-avatar/act-avatars-note,
// act-signup-window, act-enrolled-count, act-waitlist, act-description, act-risk-notice, act-enroll, act-my-status, act-cancel-enroll,
// act-enroll-disabled, act-enroll-hint, act-console (现场签到, managers on the day), act-contact-call (联系组织者), act-manage, act-edit, act-roster, act-danger-zone, act-cancel-activity, act-detail-loading/-error/-not-found,
// act-share-card, act-share (分享/复制链接), act-share-count and act-poster (managers).
import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import { getActivity } from '../../services/activity';
import { useResource } from '../../hooks/use-resource';
import ActivityInfo, { RiskNotice } from './components/activity-info';
import DetailHeader from './components/detail-header';
import EnrollBar from './components/enroll-bar';
import ManageActions from './components/manage-actions';
import ManagerSheets from './components/manager-sheets';
import ShareCard from './components/share-card';
import { useActivityEntry, useActivityPoster, useActivityShare } from './share';
import { useDetailActions } from './use-detail-actions';
import CheckinEntry from '../../components/checkin-entry';
import ActivityPhotos from '../../components/activity-photos';
import { enrollView } from './helpers';
import { routes, tabs } from '../../routes';
import './index.scss';

export default function ActivityDetail() {
  const { id, from, opening, fromScene } = useActivityEntry();
  // Back from editing or from registering/joining a team: read again without blanking the page.
  const { state, reload } = useResource(id ? () => getActivity(id) : null, [id], { when: 'show', keepOnShow: true });
  const refresh = () => reload({ quiet: true });
  // A poster's scene names the activity only after the page has shown: load it once it is known.
  useEffect(() => {
    if (fromScene && id) reload();
  }, [fromScene, id, reload]);
  const shareToken = useActivityShare(state.status === 'ready' ? state.data.activity : undefined);
  const poster = useActivityPoster(id);
  const actions = useDetailActions({ from, refresh });

  if ((!id && !opening) || (state.status === 'error' && state.error.code === 'ACTIVITY.NOT_FOUND')) {
    return (
      <Shell>
        <StateView
          kind='empty'
          className='act-detail-not-found'
          icon='活'
          title='活动不存在'
          description='该活动不存在或已被删除'
          action={{ text: '看看其他活动', className: 'act-go-square', onClick: () => Taro.switchTab({ url: tabs.activities }) }}
        />
      </Shell>
    );
  }
  if (opening || state.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='act-detail-loading' rows={6} />
      </Shell>
    );
  if (state.status === 'error')
    return (
      <Shell>
        <StateView kind='error' className='act-detail-error' message={state.error.message} onRetry={reload} />
      </Shell>
    );

  const { data } = state;
  const a = data.activity;
  const view = enrollView(data);
  const { onEnroll, onCancel, onContact, askCancelActivity, submitCancelActivity } = actions.actionsFor(data, view);

  return (
    <Shell>
      <DetailHeader data={data} />
      {data.canManage ? (
        <ManageActions
          activityId={a._id}
          phase={data.phase}
          servedCount={a.servedCount}
          shareEnrollments={data.shareEnrollments}
          onPoster={data.phase === 'recruiting' || data.phase === 'closed' ? () => void poster.make() : undefined}
          posterBusy={poster.busy}
          onCancelActivity={() => void askCancelActivity()}
          onRecordServed={() => actions.setRecordingServed(true)}
        />
      ) : null}
      <CheckinEntry data={data} />
      <ActivityInfo data={data} />

      <View className='card act-detail__section'>
        <Text className='act-detail__section-title'>活动介绍</Text>
        <Text className='act-detail__text act-description'>{a.description}</Text>
      </View>
      <ActivityPhotos data={data} onChanged={refresh} />
      {a.riskNotice ? <RiskNotice text={a.riskNotice} /> : null}

      {data.phase !== 'cancelled' && data.phase !== 'ended' ? <ShareCard activityId={a._id} token={shareToken} /> : null}
      <EnrollBar
        view={view}
        busy={actions.busy}
        onEnroll={onEnroll}
        onCancel={onCancel}
        onConsole={() => void Taro.navigateTo({ url: routes.roster(a._id) })}
        onContact={data.myEnrollment?.status === 'enrolled' && a.contactPhone ? () => void onContact() : undefined}
      />
      <Text className='act-detail__complain act-complain' onClick={() => Taro.navigateTo({ url: routes.complaint({ activityId: a._id }) })}>
        投诉
      </Text>
      <ManagerSheets
        data={data}
        askingReason={actions.askingReason}
        onCancelActivity={submitCancelActivity}
        onCloseReason={() => actions.setAskingReason(false)}
        recordingServed={actions.recordingServed}
        onCloseServed={() => actions.setRecordingServed(false)}
        onServedSaved={() => {
          actions.setRecordingServed(false);
          void Taro.showToast({ title: '已保存', icon: 'success' });
          refresh();
        }}
      />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page act-detail'>{children}</View>;
}
