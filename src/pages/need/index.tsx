// 需求详情 (?id=): where a need stands (the six steps, or 已关闭 with the reason), its facts, the contact (dialled only
// when the phone is whole), the history, the linked activity and the rating. The buttons are those `need.can` allows:
// 派单 (a sheet of every team it may go to, as a tree), 关闭/退回 (a reason sheet), 接单/从需求广场接单 (then the
// publish page, prefilled from the draft), 评价 (stars, tags, comment). 派单, 接单 and 从需求广场接单 first ask the
// manager to accept needTask messages (what comes back: a decline, a rating). Every refusal shows its message;
// NEED.STATE_CHANGED reads the need again.
// Test classes: need-loading, need-error, need-not-found, need-title, need-progress, need-step(-current), need-closed,
// need-close-reason, need-<fact>, need-description, need-contact-name, need-contact-phone, need-call, need-history-item,
// need-activity, need-photos (NeedPhotos' classes), need-rating, need-rating-stars, need-rating-tags, need-rating-comment, need-actions, need-<action>;
// the sheets: need-team-option (is-depth-<n>), need-team-search, need-team-parent, need-teams-no-match,
// need-dispatch-note, need-team-confirm/-error, need-rate-star-<n>, need-rate-tag-<i>,
// need-rate-comment, need-rate-confirm/-error, reason-input/-confirm.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '../../components/nutui/tag';
import StateView from '../../components/state-view';
import InfoRow from '../../components/info-row';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { useResource } from '../../hooks/use-resource';
import { callPhone } from '../../device/phone';
import { toCloudError } from '../../services/cloud-error';
import { acceptNeed, closeNeed, declineNeed, dispatchNeed, getNeed, needDispatchTargets, rateNeed, takeNeed } from '../../services/need';
import { askToSubscribe } from '../../services/subscribe';
import { managedOrgs } from '../../services/org';
import { handNeedDraft } from '../../utils/need-draft';
import { NEED_PROGRESS_TAG } from '../../utils/status-tag';
import { dateTimeOf } from '@contract/time';
import type { NeedAcceptOutput, NeedView } from '@contract/need';
import NeedPhotos from '../../components/need-photos';
import ProgressSteps from './components/progress-steps';
import NeedActions, { type NeedAction } from './components/need-actions';
import TeamSheet from './components/team-sheet';
import RateSheet from './components/rate-sheet';
import { dispatchChoices, isWholePhone, needFacts, stepText, type TeamChoice } from './helpers';
import { routes } from '../../routes';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

type Sheet = 'dispatch' | 'take' | 'close' | 'decline' | 'rate' | null;

/** The approved teams the caller leads or administers. */
async function myTeams(): Promise<TeamChoice[]> {
  const { items } = await managedOrgs();
  return items.filter((o) => o.status === 'approved').map((o) => ({ _id: o._id, name: o.name }));
}

/** 派单 targets: every team the server would take for this need, as a tree. */
const dispatchTeams = (needId: string) => async (): Promise<TeamChoice[]> => dispatchChoices((await needDispatchTargets(needId)).items);

export default function NeedPage() {
  useRegions();
  const params = useRouter().params;
  const id = decodeURIComponent(params.id ?? '');
  const photosFailed = Number(params.photosFailed ?? 0) || 0;
  const { state, reload, update } = useResource(id ? () => getNeed(id) : null, [id], { when: 'show', keepOnShow: true });
  const need = state.status === 'ready' ? state.data.need : undefined;
  // The team that accepted it may still publish the activity (left the publish page before publishing).
  const mayPublish = !!need && need.status === 'accepted' && !need.activityId && !!need.assignedOrgId;
  const managed = useResource(mayPublish ? myTeams : null, [mayPublish]);
  const canPublish = mayPublish && managed.state.status === 'ready' && managed.state.data.some((t) => t._id === need?.assignedOrgId);
  const [sheet, setSheet] = useState<Sheet>(null);
  const [busy, setBusy] = useState(false);

  const show = (n: NeedView) => update(() => ({ need: n }));
  /** A sheet's step: done → the need as answered; NEED.STATE_CHANGED → the sheet closes and the need is read again. */
  const step = async (run: () => Promise<{ need: NeedView }>, done: string) => {
    try {
      const { need: next } = await run();
      setSheet(null);
      show(next);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      if (toCloudError(e).code !== 'NEED.STATE_CHANGED') throw e;
      setSheet(null);
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 });
      reload({ quiet: true });
    }
  };
  /** After 接单: the publish page, starting from the draft. */
  const toPublish = (answer: NeedAcceptOutput) => {
    show(answer.need);
    handNeedDraft(answer.draft);
    void Taro.navigateTo({ url: routes.publishActivity(answer.draft.orgId, { needId: answer.draft.needId }) });
  };

  const accept = async (n: NeedView) => {
    // The team that accepts hears of the rating (needTask): asked at this tap, before anything async.
    await askToSubscribe(['needTask']);
    const { confirm } = await Taro.showModal({
      title: '接单',
      content: `接单后请发布服务活动，需求方会收到通知。确定由${n.assignedOrgName ?? '本队'}承接吗？`,
      confirmText: '接单',
    });
    if (!confirm || busy) return;
    setBusy(true);
    try {
      toPublish(await acceptNeed(n.needId));
    } catch (e) {
      const err = toCloudError(e);
      void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
      if (err.code === 'NEED.STATE_CHANGED') reload({ quiet: true });
    } finally {
      setBusy(false);
    }
  };

  const onAction = (a: NeedAction) => {
    if (!need) return;
    if (a === 'accept') void accept(need);
    else if (a === 'publish') void Taro.navigateTo({ url: routes.publishActivity(need.assignedOrgId!, { needId: need.needId }) });
    else setSheet(a);
  };

  if (!id || (state.status === 'error' && state.error.code === 'NEED.NOT_FOUND'))
    return (
      <View className='app-page need'>
        <StateView kind='empty' className='need-not-found' icon='需' title='需求不存在' description='该需求不存在或您无权查看' />
      </View>
    );
  if (state.status === 'loading')
    return (
      <View className='app-page need'>
        <StateView kind='loading' className='need-loading' rows={6} />
      </View>
    );
  if (state.status === 'error' || !need)
    return (
      <View className='app-page need'>
        <StateView kind='error' className='need-error' message={state.status === 'error' ? state.error.message : ''} onRetry={reload} />
      </View>
    );

  const n = need;
  const whole = isWholePhone(n.contactPhone);
  return (
    <View className='app-page need'>
      <View className='need__hero'>
        <View className='need__hero-head'>
          <Text className='need__title need-title'>{n.title}</Text>
          <Tag type={NEED_PROGRESS_TAG[n.progress]} className='need-progress'>
            {n.progress}
          </Tag>
        </View>
        <Text className='need__hero-meta'>{dateTimeOf(n.postedAt)} 提交</Text>
      </View>

      <ProgressSteps need={n} />

      <NeedActions need={n} canPublish={canPublish} busy={busy} onAction={onAction} />

      <View className='card need__card'>
        {needFacts(n).map((f) => (
          <InfoRow key={f.cls} label={f.label} value={f.value} cls={f.cls} />
        ))}
        <Text className='need__section-title'>需求描述</Text>
        <Text className='need__description need-description' userSelect>
          {n.description}
        </Text>
      </View>

      <NeedPhotos need={n} failed={photosFailed} onChanged={() => reload({ quiet: true })} />

      <View className='card need__card'>
        <Text className='need__section-title'>联系方式</Text>
        <InfoRow label='联系人' value={n.contactName} cls='need-contact-name' />
        <View className='need__phone'>
          <Text className='need__phone-label'>联系电话</Text>
          <Text className='need__phone-value need-contact-phone'>{n.contactPhone}</Text>
          {whole ? (
            <Text className='need__call need-call' onClick={() => void callPhone(n.contactPhone).catch(() => undefined)}>
              拨打
            </Text>
          ) : null}
        </View>
      </View>

      {n.activityId ? (
        <View
          className='card need__card need__link need-activity'
          onClick={() => Taro.navigateTo({ url: routes.activityDetail(n.activityId!) })}
        >
          <Text className='need__link-title'>服务活动</Text>
          <Text className='need__link-side'>查看活动 ›</Text>
        </View>
      ) : null}

      {n.rating ? (
        <View className='card need__card need-rating'>
          <Text className='need__section-title'>需求方评价</Text>
          <Text className='need__rating-stars need-rating-stars'>
            {'★'.repeat(n.rating.stars)}
            {'☆'.repeat(5 - n.rating.stars)}
          </Text>
          {n.rating.tags.length ? (
            <View className='need__rating-tags need-rating-tags'>
              {n.rating.tags.map((t) => (
                <Text key={t} className='chip'>
                  {t}
                </Text>
              ))}
            </View>
          ) : null}
          {n.rating.comment ? <Text className='need__rating-comment need-rating-comment'>{n.rating.comment}</Text> : null}
          <Text className='need__muted'>{dateTimeOf(n.rating.ratedAt)}</Text>
        </View>
      ) : null}

      <View className='card need__card'>
        <Text className='need__section-title'>处理记录</Text>
        {[...n.history].reverse().map((s, i) => (
          <View key={i} className='need__history need-history-item'>
            <Text className='need__history-text'>{stepText(s)}</Text>
            <Text className='need__muted'>{dateTimeOf(s.at)}</Text>
          </View>
        ))}
      </View>

      <TeamSheet
        visible={sheet === 'dispatch'}
        title='派单'
        subject={n.title}
        load={dispatchTeams(n.needId)}
        withNote
        confirmText='确认派单'
        onConfirm={async (orgId, note) => {
          // The dispatcher hears of a decline or a low rating (needTask).
          await askToSubscribe(['needTask']);
          await step(() => dispatchNeed({ needId: n.needId, orgId, ...(note ? { note } : {}) }), '已派单');
        }}
        onClose={() => setSheet(null)}
      />
      <TeamSheet
        visible={sheet === 'take'}
        title='从需求广场接单'
        subject={n.title}
        load={myTeams}
        confirmText='接单'
        onConfirm={async (orgId) => {
          // The taking team hears of the rating (needTask).
          await askToSubscribe(['needTask']);
          try {
            const answer = await takeNeed(n.needId, orgId);
            setSheet(null);
            toPublish(answer);
          } catch (e) {
            if (toCloudError(e).code !== 'NEED.STATE_CHANGED') throw e;
            setSheet(null);
            void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 });
            reload({ quiet: true });
          }
        }}
        onClose={() => setSheet(null)}
      />
      <ReasonSheet
        visible={sheet === 'close' || sheet === 'decline'}
        title={sheet === 'decline' ? '退回派单' : '关闭需求'}
        subject={n.title}
        placeholder={sheet === 'decline' ? '请说明退回原因，如：本队近期无法安排' : '请说明关闭原因，需求方会看到'}
        confirmText={sheet === 'decline' ? '确认退回' : '确认关闭'}
        onConfirm={(reason) =>
          sheet === 'decline' ? step(() => declineNeed(n.needId, reason), '已退回') : step(() => closeNeed(n.needId, reason), '已关闭')
        }
        onClose={() => setSheet(null)}
      />
      <RateSheet
        visible={sheet === 'rate'}
        subject={n.title}
        onConfirm={({ stars, tags, comment }) =>
          step(() => rateNeed({ needId: n.needId, stars, tags, ...(comment ? { comment } : {}) }), '感谢评价')
        }
        onClose={() => setSheet(null)}
      />
    </View>
  );
}
