// 扫码签到: a volunteer scans the activity's 现场码/签到码/签退码, or arrives from WeChat's own 扫一扫 on a 小程序码 (its
// signed `scene` in the query, sent at once); the phone's position (GCJ-02) goes with a fresh nonce and the answer
// shows as a panel — a refusal says why and what to do, with the distance when out of range. A short 签退 is
// confirmed first, and a mistaken one can be undone for a few minutes. Who cannot scan types the 6-digit 现场数字码;
// 重试 after a lost answer sends the same tap again (same nonce and code, `retry`).
// Without a network a scanned code (not a typed number) is kept on the phone with the tap's nonce, its position and
// timing (services/checkin-offline) and uploads by itself later; the page says so, counts what waits, offers 立即上传,
// and shows what the server made of each upload (components/checkin-result/offline).
// Test classes: ck-scan-camera (scan button: weapp, or h5 with window.wx.scanQRCode), ck-scan-payload (h5 manual
// entry) and ck-scan-submit, ck-scan-number and ck-scan-number-submit (components/number-entry), ck-scan-progress, ck-scan-go-my-code, ck-scan-go-hours; the panel's ck-result-* classes
// (components/checkin-result), ck-scan-unregistered (not registered: 去注册, ck-scan-go-register), the offline panel's and banner's ck-offline-* classes (components/checkin-result/offline).
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import QrEntry from '../../components/qr-entry';
import NumberEntry from './components/number-entry';
import CheckinResult, { type ScanOutcome } from '../../components/checkin-result';
import { OfflineBanner, OfflineSaved } from '../../components/checkin-result/offline';
import { myOfflineScans, type QueuedScan } from '../../services/checkin-offline';
import { offlineTiming } from '../../services/server-clock';
import { codeKindOf, readCodeBody } from '../../utils/code-body';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { newNonce, scanActivityCode, undoSignOut } from '../../services/checkin';
import { isLocateError, locate, type Fix } from '../../device/location';
import { readQrCode, sceneOfPath } from '../../device/scan';
import { buzz } from '../../device/screen';
import { toCloudError } from '../../services/cloud-error';
import { me } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import StateView from '../../components/state-view';
import { routes } from '../../routes';
import { isTrainingCode, scanTrainingCode } from './training-scan';
import { formatDuration } from '@contract/format';
import { ONSITE_NUMBER_PATTERN, type CheckinScanOutput } from '@contract/checkin';
import './index.scss';

type Phase = 'idle' | 'locating' | 'sending';
/** One tap: the same nonce (and position) is reused if the answer got lost and the volunteer sends it again. */
type Attempt = { payload: string; nonce: string; location?: Fix; confirmShort?: boolean; activityId?: string; retry?: boolean };

/** Results of uploads shown under the banner at most. */
const RESULTS_SHOWN = 5;

const isOnSiteNumber = (payload: string) => ONSITE_NUMBER_PATTERN.test(payload.trim());

/**
 * A tap that could not reach the server, as the queue keeps it: the same nonce (an upload of a tap that did arrive
 * changes nothing), the code, the position, the phone's timing, and what the phone reads of the code for the pages.
 */
function queuedScanOf(a: Attempt & { location: Fix }): QueuedScan {
  const body = readCodeBody(a.payload);
  const kind = codeKindOf(a.payload);
  return {
    nonce: a.nonce,
    payload: a.payload,
    location: a.location,
    ...offlineTiming(),
    ...(body?.t === 'a' ? { activityId: body.activityId } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** "现在签退将只记录X分钟，确定吗？" from the refusal's minutes (the server's sentence when it gave none). */
function shortSignOutQuestion(details: unknown, message: string): string {
  const minutes = (details as { minutes?: unknown } | undefined)?.minutes;
  return typeof minutes === 'number' ? `现在签退将只记录${formatDuration(minutes)}，确定吗？` : message;
}

export default function Scan() {
  const params = useRouter().params;
  const activityId = decodeURIComponent(params.activityId ?? '');
  const [phase, setPhase] = useState<Phase>('idle');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const attempt = useRef<Attempt | null>(null);
  const queue = useOfflineQueue(myOfflineScans());
  const [saved, setSaved] = useState<QueuedScan | null>(null);
  // Results of uploads answered while the page is open (older ones are on 我的时长).
  const openedAt = useRef(queue.state.lastSyncAt ?? '');
  const results = useMemo(() => queue.state.done.filter((d) => d.at > openedAt.current).slice(0, RESULTS_SHOWN), [queue.state.done]);
  // Only a volunteer can sign in: someone not registered is told so before they scan (offline, the scan is offered).
  const mine = useResource(me);
  const unregistered = mine.state.status === 'error' && mine.state.error.code === 'USER.NOT_REGISTERED';

  const send = async (a: Attempt) => {
    attempt.current = a;
    setOutcome(null);
    setSaved(null);
    try {
      if (!a.location) {
        setPhase('locating');
        a.location = await locate({ precise: true });
      }
      setPhase('sending');
      const data = await scanActivityCode(a.payload, a.location, a.nonce, a);
      setOutcome({ ok: true, data });
      buzz();
    } catch (e) {
      if (isLocateError(e)) {
        setOutcome({ ok: false, code: e.reason === 'denied' ? 'LOCATION_DENIED' : 'LOCATION_UNAVAILABLE', message: '' });
      } else {
        const err = toCloudError(e);
        if (err.code === 'NETWORK' && a.location) {
          // A typed number proves nothing offline: it needs the network (the server refuses it queued).
          if (isOnSiteNumber(a.payload)) {
            setOutcome({ ok: false, code: err.code, message: err.message, details: { onsiteNumber: true } });
            return;
          }
          const item = queuedScanOf({ ...a, location: a.location });
          const q = myOfflineScans();
          // A retried tap already kept (its nonce waits in the queue) is not kept twice.
          if (!q.state().items.some((i) => i.nonce === item.nonce)) q.add(item);
          setSaved(q.state().items.find((i) => i.nonce === item.nonce) ?? item);
          return;
        }
        if (err.code === 'CHECKIN.CONFIRM_SHORT_SIGN_OUT') {
          setPhase('idle');
          const { confirm } = await Taro.showModal({
            title: '确认签退',
            content: shortSignOutQuestion(err.details, err.message),
            confirmText: '确定签退',
            cancelText: '暂不签退',
          });
          // A new tap: a fresh nonce, the same code and position.
          if (confirm) return send({ ...a, nonce: newNonce(), confirmShort: true, retry: false });
          return;
        }
        setOutcome({ ok: false, code: err.code, message: err.message, details: err.details });
      }
    } finally {
      setPhase('idle');
    }
  };

  // What a 小程序码 reads as (its page path in the app, the page's address on h5) carries the code as its scene.
  // A training's code (培训签到) goes to its own action: no position, no day record.
  const onCode = (read: string) => {
    const payload = sceneOfPath(read) ?? read;
    return isTrainingCode(payload) ? scanTrainingCode(payload) : send({ payload, nonce: newNonce() });
  };
  // A typed 现场数字码 belongs to the activity the volunteer came from (else the server looks among theirs).
  const onNumber = (number: string) => send({ payload: number, nonce: newNonce(), activityId: activityId || undefined });

  const undo = async (data: CheckinScanOutput) => {
    const { confirm } = await Taro.showModal({
      title: '撤销签退',
      content: '撤销后今天的签退将取消，离开时请再次扫码签退。确定撤销吗？',
      confirmText: '撤销签退',
      cancelText: '不撤销',
    });
    if (!confirm) return;
    try {
      await undoSignOut(data.record.activityId, data.date);
      setOutcome(null);
      void Taro.showToast({ title: '已撤销签退，离开时请再次签退', icon: 'none', duration: 2500 });
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 3000 });
    }
  };

  // Opened by WeChat's 扫一扫 on a 小程序码 (or its h5 stand-in): the code is in the query, sent at once.
  useEffect(() => {
    const scene = params.scene ? safeDecode(params.scene) : '';
    if (scene) void onCode(scene);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the page was opened with
  }, []);

  // From the 首页 button on weapp the camera opens at once.
  useEffect(() => {
    if (params.scene || params.auto !== '1' || process.env.TARO_ENV !== 'weapp') return;
    readQrCode().then(
      (code) => {
        if (code) void onCode(code);
      },
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens from 首页
  }, []);

  const openMyCode = () => Taro.navigateTo({ url: routes.myCode(activityId || undefined) });
  const openHours = () => Taro.navigateTo({ url: routes.myHours() });
  const openRegister = () => Taro.navigateTo({ url: routes.register() });

  if (saved) {
    return (
      <View className='app-page scan-page'>
        <OfflineSaved item={saved} queue={queue} onBack={() => setSaved(null)} />
      </View>
    );
  }

  if (outcome) {
    return (
      <View className='app-page scan-page'>
        <CheckinResult
          outcome={outcome}
          onAgain={() => setOutcome(null)}
          onRetry={() => attempt.current && send({ ...attempt.current, retry: true })}
          onMyCode={openMyCode}
          onHours={openHours}
          onRegister={openRegister}
          onUndo={undo}
          onSetting={process.env.TARO_ENV === 'weapp' ? () => Taro.openSetting().catch(() => undefined) : undefined}
        />
      </View>
    );
  }

  if (unregistered) {
    return (
      <View className='app-page scan-page'>
        <StateView
          kind='empty'
          className='ck-scan-unregistered'
          icon='志'
          title='请先注册成为志愿者'
          description='注册成为志愿者并报名活动后，才能在活动现场扫码签到、签退'
          action={{ text: '去注册', className: 'ck-scan-go-register', onClick: openRegister }}
        />
      </View>
    );
  }

  const busy = phase !== 'idle';
  return (
    <View className='app-page scan-page'>
      <OfflineBanner queue={queue} results={results} />
      <View className='card scan-page__intro'>
        <Text className='scan-page__title'>扫码签到 / 签退</Text>
        <Text className='scan-page__text'>扫描活动现场管理员出示的签到码或签退码。系统会确认您在活动地点附近，请允许使用位置信息。</Text>
      </View>
      <View className='card'>
        <QrEntry
          name='ck-scan'
          scanText='扫码签到 / 签退'
          manualHint='签到码文本显示在管理员签到码页面的下方'
          busy={busy}
          onCode={onCode}
        />
        <NumberEntry busy={busy} onNumber={onNumber} />
        {busy ? (
          <Text className='scan-page__progress ck-scan-progress'>{phase === 'locating' ? '正在获取您的位置…' : '正在提交…'}</Text>
        ) : null}
      </View>
      <View className='card scan-page__links'>
        <View className='scan-page__link ck-scan-go-my-code' onClick={openMyCode}>
          <Text>手机无法定位？出示我的签到码</Text>
          <Text className='scan-page__arrow'>›</Text>
        </View>
        <View className='scan-page__link ck-scan-go-hours' onClick={openHours}>
          <Text>我的时长</Text>
          <Text className='scan-page__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
