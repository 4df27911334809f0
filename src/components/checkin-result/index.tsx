// The answer to a scan as a panel, not a toast: what happened, and on a refusal why in plain words and what to do
// next (move closer, turn on precise location, show 我的签到码 to an admin).
// Test classes: ck-result (is-ok / is-error), ck-result-title, ck-result-message, ck-result-distance, ck-result-time,
// ck-result-minutes, ck-result-tips, ck-result-again, ck-result-retry, ck-result-my-code, ck-result-setting, ck-result-hours,
// ck-result-undo, ck-result-register.
import { Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { CHECKIN_KIND_LABEL, UNDO_SIGN_OUT_MIN, type CheckinScanOutput } from '@contract/checkin';
import { explainRefusal, successMessage, type Refusal } from './explain';
import { clockOf } from '@contract/time';
import { formatDistance, formatDuration } from '@contract/format';
import './index.scss';

export type ScanOutcome = { ok: true; data: CheckinScanOutput & { realName?: string } } | ({ ok: false } & Refusal);

type Props = {
  outcome: ScanOutcome;
  /** Scan another code (or the same again). */
  onAgain: () => void;
  /** Send the same request again (network failures; the nonce makes it safe). */
  onRetry?: () => void;
  /** Open 我的签到码 (volunteers only). */
  onMyCode?: () => void;
  onHours?: () => void;
  /** Open 注册 (a scanner not registered yet). */
  onRegister?: () => void;
  /** The volunteer's own fresh 签退 may be undone for a few minutes (the server decides whether it still can). */
  onUndo?: (data: CheckinScanOutput) => void;
  /** Weapp: open the permission settings after a refused location. */
  onSetting?: () => void;
  /** An admin scanned a volunteer's code: refusals speak about the volunteer. */
  admin?: boolean;
};

export default function CheckinResult({ outcome, onAgain, onRetry, onMyCode, onHours, onRegister, onUndo, onSetting, admin }: Props) {
  if (outcome.ok) return <Success data={outcome.data} onAgain={onAgain} onHours={onHours} onUndo={onUndo} />;
  const view = explainRefusal(outcome, admin);
  return (
    <View className={`card checkin-result is-error ck-result ck-result-${view.key}`}>
      <View className='checkin-result__icon is-error'>!</View>
      <Text className='checkin-result__title ck-result-title'>{view.title}</Text>
      {view.distance ? (
        <View className='checkin-result__distance ck-result-distance'>
          <Text className='checkin-result__distance-main'>您距活动地点约 {formatDistance(view.distance.distanceM)}</Text>
          <Text className='checkin-result__distance-sub'>签到范围为 {formatDistance(view.distance.radiusM)} 以内</Text>
        </View>
      ) : null}
      <Text className='checkin-result__message ck-result-message'>{view.message}</Text>
      {view.tips.length ? (
        <View className='checkin-result__tips ck-result-tips'>
          <Text className='checkin-result__tips-title'>您可以：</Text>
          {view.tips.map((t, i) => (
            <Text key={t} className='checkin-result__tip'>
              {i + 1}. {t}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='checkin-result__buttons'>
        {view.register && onRegister ? (
          <Button className='ck-result-register' type='primary' block onClick={onRegister}>
            去注册
          </Button>
        ) : null}
        {view.retry && onRetry ? (
          <Button className='ck-result-retry' type='primary' block onClick={onRetry}>
            重新提交
          </Button>
        ) : null}
        {view.setting && onSetting ? (
          <Button className='ck-result-setting' type='primary' block onClick={onSetting}>
            去开启定位权限
          </Button>
        ) : null}
        <Button
          className='ck-result-again'
          type={view.retry || (view.setting && onSetting) || (view.register && onRegister) ? 'default' : 'primary'}
          block
          onClick={onAgain}
        >
          {view.again}
        </Button>
        {view.myCode && onMyCode ? (
          <Button className='ck-result-my-code' fill='outline' type='primary' block onClick={onMyCode}>
            出示我的签到码
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/** The panel's title: what happened, and after today's 签退 how long the day was, never "请记得签退". */
export function successTitle(data: CheckinScanOutput & { realName?: string }): string {
  const who = data.realName ? `${data.realName} ` : '';
  if (data.outcome === 'alreadySignedOut') return `${who}今天已签退（${formatDuration(data.record.minutes)}）`;
  if (data.repeated) return data.kind === 'in' ? `${who}今天已签到` : `${who}已签退`;
  return `${who}${CHECKIN_KIND_LABEL[data.kind]}成功`;
}

function Success({
  data,
  onAgain,
  onHours,
  onUndo,
}: {
  data: CheckinScanOutput & { realName?: string };
  onAgain: () => void;
  onHours?: () => void;
  onUndo?: (data: CheckinScanOutput) => void;
}) {
  const verb = CHECKIN_KIND_LABEL[data.kind];
  const title = successTitle(data);
  const undoable = onUndo && !data.realName && data.outcome === 'signedOut' && !data.repeated;
  const at = data.kind === 'in' ? (data.record.signInAt ?? data.at) : (data.record.signOutAt ?? data.at);
  return (
    <View className={`card checkin-result is-ok ck-result ck-result-${data.kind}`}>
      <View className='checkin-result__icon'>✓</View>
      <Text className='checkin-result__title ck-result-title'>{title}</Text>
      <Text className='checkin-result__activity'>{data.title}</Text>
      <View className='checkin-result__facts'>
        <Fact label={`${verb}时间`} value={`${data.date} ${clockOf(at)}`} cls='ck-result-time' />
        {data.kind === 'out' ? <Fact label='当日时长' value={formatDuration(data.record.minutes)} cls='ck-result-minutes' /> : null}
        {data.kind === 'in' && data.record.signOutAt ? (
          <Fact label='签退时间' value={clockOf(data.record.signOutAt)} cls='ck-result-out-time' />
        ) : null}
        {!data.realName ? <Fact label='距活动地点' value={`约${formatDistance(data.distanceM)}`} cls='ck-result-distance' /> : null}
      </View>
      <Text className='checkin-result__message ck-result-message'>{successMessage(data)}</Text>
      <View className='checkin-result__buttons'>
        {onHours ? (
          <Button className='ck-result-hours' type='primary' block onClick={onHours}>
            查看我的时长
          </Button>
        ) : null}
        {undoable ? (
          <Button className='ck-result-undo' fill='outline' type='primary' block onClick={() => onUndo(data)}>
            签退错了？{UNDO_SIGN_OUT_MIN}分钟内可撤销
          </Button>
        ) : null}
        <Button className='ck-result-again' block onClick={onAgain}>
          {data.realName ? '继续扫码' : '返回扫码'}
        </Button>
      </View>
    </View>
  );
}

function Fact({ label, value, cls }: { label: string; value: string; cls: string }) {
  return (
    <View className='checkin-result__fact'>
      <Text className='checkin-result__fact-label'>{label}</Text>
      <Text className={`checkin-result__fact-value ${cls}`}>{value}</Text>
    </View>
  );
}
