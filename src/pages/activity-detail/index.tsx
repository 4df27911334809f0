// 活动详情: everything about one activity, enrolling (after the risk notice, 志愿服务条例 §17) and cancelling it;
// shared to a chat or 朋友圈 with the sharer's token; the team's leader and admins also edit, cancel, make the poster,
// see the enrollments through shares and open the roster here.
// Test classes: act-title, act-phase, act-org, act-members-only, act-cancel-reason, act-schedule, act-place, act-open-map,
// act-signup-window, act-enrolled-count, act-waitlist, act-risk-notice, act-enroll, act-my-status, act-cancel-enroll,
// act-enroll-disabled, act-enroll-hint, act-console (现场签到, managers on the day), act-contact-call (联系组织者), act-manage, act-edit, act-roster, act-danger-zone, act-cancel-activity, act-detail-loading/-error/-not-found,
// act-share-card, act-share (分享/复制链接), act-share-count and act-poster (managers).
import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { activityContact, cancelActivity, cancelEnrollment, enroll, getActivity } from '../../services/activity';
import { callPhone } from '../../device/phone';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { ACTIVITY_PHASE_LABEL } from '@contract/enums';
import ActivityInfo from './components/activity-info';
import EnrollBar from './components/enroll-bar';
import ManageActions from './components/manage-actions';
import ServedPopup from './components/served-popup';
import ShareCard from './components/share-card';
import { useActivityEntry, useActivityPoster, useActivityShare } from './share';
import { POSTER_CANVAS_ID } from '../../device/poster';
import { askToSubscribe } from '../../services/subscribe';
import CheckinEntry from '../../components/checkin-entry';
import ActivityPhotos from '../../components/activity-photos';
import { enrollView, explainEnrollError } from './helpers';
import { routes, tabs } from '../../routes';
import { COLOR } from '../../styles/colors';
import './index.scss';

export default function ActivityDetail() {
  const { id, from, opening, fromScene } = useActivityEntry();
  const [busy, setBusy] = useState(false);
  const [askingReason, setAskingReason] = useState(false);
  const [recordingServed, setRecordingServed] = useState(false);
  // Back from editing or from registering/joining a team: read again without blanking the page.
  const { state, reload } = useResource(id ? () => getActivity(id) : null, [id], { when: 'show', keepOnShow: true });
  const refresh = () => reload({ quiet: true });
  // A poster's scene names the activity only after the page has shown: load it once it is known.
  useEffect(() => {
    if (fromScene && id) reload();
  }, [fromScene, id, reload]);
  const shareToken = useActivityShare(state.status === 'ready' ? state.data.activity : undefined);
  const poster = useActivityPoster(id);

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      const done = await action();
      void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      refresh();
    } catch (e) {
      const err = toCloudError(e);
      const outcome = explainEnrollError(err.code, err.message);
      setBusy(false);
      if (outcome.kind === 'toast') {
        void Taro.showToast({ title: outcome.message, icon: 'none', duration: 2500 });
        if (outcome.reload) refresh();
        return;
      }
      const toRegister = outcome.kind === 'register';
      const { confirm } = await Taro.showModal({
        title: toRegister ? '请先注册' : '请先加入队伍',
        content: outcome.message,
        confirmText: toRegister ? '去注册' : '去加入',
        confirmColor: COLOR.primary,
        cancelText: '稍后',
      });
      if (confirm) void Taro.navigateTo({ url: toRegister ? routes.register() : routes.orgs() });
    } finally {
      setBusy(false);
    }
  };

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

  const onEnroll = async () => {
    // A full activity with a waitlist: being moved up is the message that matters most.
    const full = data.enrolledCount >= a.capacity;
    await askToSubscribe(
      full ? ['waitlistPromoted', 'activityReminder', 'activityCancelled'] : ['activityReminder', 'activityChanged', 'activityCancelled'],
    );
    if (a.riskNotice) {
      const { confirm } = await Taro.showModal({
        title: '风险告知',
        content: `${a.riskNotice}\n\n报名即表示您已知悉上述风险。`,
        confirmText: '确认报名',
        confirmColor: COLOR.primary,
        cancelText: '再想想',
      });
      if (!confirm) return;
    }
    void run(async () => {
      const { enrollment } = await enroll(a._id, from);
      if (enrollment.status === 'waitlisted')
        return enrollment.waitlistPosition ? `名额已满，您是候补第${enrollment.waitlistPosition}位` : '名额已满，已加入候补';
      return '报名成功';
    });
  };
  const onCancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content:
        view.kind === 'enrolled' && view.text !== '已报名'
          ? '取消后将失去候补名次，确定取消吗？'
          : '取消后名额将让给其他志愿者，确定取消报名吗？',
      confirmText: '取消报名',
      confirmColor: COLOR.danger,
      cancelText: '不取消',
      cancelColor: COLOR.text,
    });
    if (confirm) void run(() => cancelEnrollment(a._id).then(() => '已取消报名'));
  };
  const onContact = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { contactPhone } = await activityContact(a._id);
      setBusy(false);
      await callPhone(contactPhone);
    } catch (e) {
      const err = toCloudError(e);
      void Taro.showToast({ title: explainEnrollError(err.code, err.message).message, icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };
  // Two steps: first what cancelling does, in words (a modal that defaults to not cancelling), then the reason.
  const askCancelActivity = async () => {
    const people = data.enrolledCount + a.waitlistCount;
    const { confirm } = await Taro.showModal({
      title: '确定要取消这个活动吗？',
      content: `取消后：${people > 0 ? `已报名和候补的${people}位志愿者会收到取消通知；` : ''}签到码立即停止使用，不能再签到签退；活动不能恢复。`,
      confirmText: '继续取消',
      confirmColor: COLOR.danger,
      cancelText: '不取消',
      cancelColor: COLOR.text,
    });
    if (confirm) setAskingReason(true);
  };
  const submitCancelActivity = async (reason: string) => {
    await cancelActivity({ activityId: a._id, reason });
    setAskingReason(false);
    void Taro.showToast({ title: '活动已取消，已通知报名的志愿者', icon: 'none', duration: 2000 });
    refresh();
  };

  return (
    <Shell>
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

      {data.canManage ? (
        <ManageActions
          activityId={a._id}
          phase={data.phase}
          servedCount={a.servedCount}
          shareEnrollments={data.shareEnrollments}
          onPoster={data.phase === 'recruiting' || data.phase === 'closed' ? () => void poster.make() : undefined}
          posterBusy={poster.busy}
          onCancelActivity={() => void askCancelActivity()}
          onRecordServed={() => setRecordingServed(true)}
        />
      ) : null}
      <CheckinEntry data={data} />
      <ActivityInfo data={data} />
      <ActivityPhotos data={data} onChanged={refresh} />
      {data.phase !== 'cancelled' && data.phase !== 'ended' ? <ShareCard activityId={a._id} token={shareToken} /> : null}
      <EnrollBar
        view={view}
        busy={busy}
        onEnroll={onEnroll}
        onCancel={onCancel}
        onConsole={() => void Taro.navigateTo({ url: routes.roster(a._id) })}
        onContact={data.myEnrollment?.status === 'enrolled' && a.contactPhone ? () => void onContact() : undefined}
      />

      <ReasonSheet
        visible={askingReason}
        title='取消活动'
        subject={`取消“${a.title}”，已报名和候补的${data.enrolledCount + a.waitlistCount}位志愿者会收到通知`}
        placeholder='请填写取消原因，志愿者会看到'
        confirmText='确认取消活动'
        onConfirm={submitCancelActivity}
        onClose={() => setAskingReason(false)}
      />
      <ServedPopup
        visible={recordingServed}
        activityId={a._id}
        servedCount={a.servedCount}
        summary={a.summary}
        onClose={() => setRecordingServed(false)}
        onDone={() => {
          setRecordingServed(false);
          void Taro.showToast({ title: '已保存', icon: 'success' });
          refresh();
        }}
      />
      {data.canManage && process.env.TARO_ENV === 'weapp' ? (
        <Canvas type='2d' id={POSTER_CANVAS_ID} className='act-detail__canvas' />
      ) : null}
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page act-detail'>{children}</View>;
}
