// 现场码/签到码/签退码 for an activity's admins: a 小程序码 that WeChat's own 扫一扫 opens (the scan page with the code
// already read; on h5 a plain QR of the same page and scene), large, rotating every 30 s on a screen (屏幕, where the
// page starts) or fixed for print (海报, with 保存海报), the 6-digit 现场数字码 (every 5 minutes) for those who cannot
// scan, the short code's text, a countdown to
// the next code, and 作废旧码 (confirmed) for when a printed or forwarded code has leaked. The 现场码 (the default)
// signs a volunteer in, then out, so nobody can show the wrong one; separate 签到码/签退码 remain.
// Test classes: ck-code-kind (tabs ck-code-kind-auto/-in/-out), ck-code-mode (tabs ck-code-mode-rotating/-static),
// ck-code-title, ck-code-kind-label, ck-code-dates, ck-code-qr, ck-code-countdown, ck-code-refresh-error,
// ck-code-number, ck-code-scene, ck-code-copy, ck-code-poster, ck-code-static-out-warning, ck-code-revoke, ck-code-loading,
// ck-code-error, ck-code-roster. In 签退 mode every line under the tabs speaks of 签退 only.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import { useRotatingCode } from '../../hooks/use-rotating-code';
import { activityCode, revokeCodes } from '../../services/checkin';
import { keepScreenOn } from '../../device/screen';
import { toCloudError } from '../../services/cloud-error';
import { CODE_KIND_LABEL, ONSITE_NUMBER_STEP_SEC, ROTATING_STEP_SEC, type CodeKind, type CodeMode } from '@contract/checkin';
import { POSTER_CANVAS_ID } from '../../device/poster';
import { useSavePoster } from '../../hooks/use-save-poster';
import { dateRange } from '@contract/time';
import { formatDistance, formatDuration } from '@contract/format';
import { routes } from '../../routes';
import './index.scss';

const FORBIDDEN_CODES = new Set(['AUTH.FORBIDDEN', 'ACTIVITY.NOT_FOUND', 'ACTIVITY.CANCELLED']);
const kindOf = (k: string | undefined): CodeKind => (k === 'in' || k === 'out' ? k : 'auto');

export default function CheckinCode() {
  const params = useRouter().params;
  const activityId = decodeURIComponent(params.activityId ?? '');
  const [kind, setKind] = useState<CodeKind>(kindOf(params.kind));
  const [mode, setMode] = useState<CodeMode>(params.mode === 'static' ? 'static' : 'rotating');
  const { saving, save: savePoster } = useSavePoster();
  const [revoking, setRevoking] = useState(false);

  // A fixed code still refreshes for its 现场数字码, which changes every 5 minutes.
  const load = useCallback(
    () => activityCode({ activityId, kind, mode }).then((d) => ({ ...d, expiresAt: d.expiresAt ?? d.numberExpiresAt })),
    [activityId, kind, mode],
  );
  const { code, reload } = useRotatingCode(activityId ? load : null, mode === 'static' ? ONSITE_NUMBER_STEP_SEC : ROTATING_STEP_SEC);

  useEffect(() => {
    keepScreenOn();
  }, []);
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: CODE_KIND_LABEL[kind] }).catch(() => undefined);
  }, [kind]);

  if (!activityId) {
    return (
      <Shell>
        <StateView kind='empty' className='ck-code-error' icon='码' title='未指定活动' description='请从活动详情进入签到码' />
      </Shell>
    );
  }

  const tabs = (
    <>
      <SegTabs
        name='ck-code-kind'
        value={kind}
        onChange={setKind}
        tabs={[
          { key: 'auto', title: '现场码' },
          { key: 'in', title: '签到码' },
          { key: 'out', title: '签退码' },
        ]}
      />
      <SegTabs
        name='ck-code-mode'
        value={mode}
        onChange={setMode}
        tabs={[
          { key: 'rotating', title: '屏幕展示（动态码）' },
          { key: 'static', title: '海报（固定码）' },
        ]}
      />
    </>
  );

  if (code.status === 'idle' || code.status === 'loading')
    return (
      <Shell>
        {tabs}
        <StateView kind='loading' className='ck-code-loading' rows={8} />
      </Shell>
    );
  if (code.status === 'error') {
    return (
      <Shell>
        {tabs}
        {FORBIDDEN_CODES.has(code.error.code) ? (
          <StateView
            kind='empty'
            className='ck-code-error'
            icon='码'
            title={`无法出示${CODE_KIND_LABEL[kind]}`}
            description={
              code.error.code === 'AUTH.FORBIDDEN' ? `只有活动所属队伍的负责人和管理员可以出示${CODE_KIND_LABEL[kind]}` : code.error.message
            }
          />
        ) : (
          <StateView kind='error' className='ck-code-error' message={code.error.message} onRetry={reload} />
        )}
      </Shell>
    );
  }

  const d = code.data;
  const label = CODE_KIND_LABEL[d.kind];
  const poster = () =>
    savePoster({
      heading: `活动${label}`,
      title: d.title,
      lines: [`活动日期：${dateRange(d.startDate, d.endDate)}`, `每天 ${d.dailyStart}-${d.dailyEnd}`],
      wxacode: d.wxacode,
      action: '用微信“扫一扫”扫描此码，即可签到签退',
      note: `须在活动地点${formatDistance(d.radiusM)}范围内、活动时间内签到`,
      fileName: `${d.title}-${label}`,
    });

  const revoke = async () => {
    if (revoking) return;
    const { confirm } = await Taro.showModal({
      title: `作废已发出的${label}`,
      content: '本活动此前出示、打印或转发的所有二维码和数字码将立即失效，志愿者须扫描新码。海报需重新保存张贴。确定作废吗？',
      confirmText: '确定作废',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRevoking(true);
    try {
      await revokeCodes(activityId);
      reload();
      void Taro.showToast({ title: '旧码已作废，请使用新码', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none' });
    } finally {
      setRevoking(false);
    }
  };

  return (
    <Shell>
      {tabs}
      {d.kind !== 'in' && d.mode === 'static' ? (
        <Text className='code-page__warning ck-code-static-out-warning'>
          固定签退码被拍照转发后，在任何地方都能签退。请尽量在现场展示动态码；如固定码已外传，请点下方“作废旧码”。
        </Text>
      ) : null}
      <View className={`card code-page__card is-${d.kind}`}>
        <Text className='code-page__kind ck-code-kind-label'>{label}</Text>
        <Text className='code-page__title ck-code-title'>{d.title}</Text>
        <Text className='code-page__dates ck-code-dates'>
          {dateRange(d.startDate, d.endDate)} · 每天 {d.dailyStart}-{d.dailyEnd}
        </Text>
        <View className='code-page__qr'>
          {/* A background rather than <Image>: Taro's h5 image box shifts a data: image sideways (as QrCode notes). */}
          <View className='code-page__image ck-code-qr' style={{ backgroundImage: `url("${d.wxacode}")` }} />
        </View>
        {d.mode === 'rotating' ? (
          <Text className='code-page__countdown ck-code-countdown'>
            {code.left === null ? '正在刷新…' : `二维码每30秒更新 · ${code.left}秒后刷新`}
          </Text>
        ) : (
          <Text className='code-page__countdown'>固定码，可打印张贴或发到微信群</Text>
        )}
        {code.refreshError ? (
          <Text className='code-page__refresh-error ck-code-refresh-error'>刷新失败：{code.refreshError}，正在重试</Text>
        ) : null}
        <Text className='code-page__how'>
          {d.kind === 'auto' ? '第一次扫码签到，离开时再扫一次签退。' : ''}
          {d.kind === 'out' ? '离开时用微信“扫一扫”或小程序的扫码页扫描此码签退' : '用微信“扫一扫”或小程序“扫码签到”扫描此码'}，须在活动地点
          {formatDistance(d.radiusM)}内
        </Text>
      </View>

      <View className='card code-page__text'>
        <Text className='code-page__text-label ck-code-number-label'>
          {d.kind === 'out'
            ? '无法扫码时，请志愿者在小程序的扫码页输入此数字码签退：'
            : '无法扫码时，请志愿者在“扫码签到”页输入现场数字码：'}
        </Text>
        <Text className='code-page__number ck-code-number'>{spacedNumber(d.number)}</Text>
        <Text className='code-page__number-hint'>每{formatDuration(ONSITE_NUMBER_STEP_SEC / 60)}更新一次，不必打印</Text>
        <View className='code-page__scene-row'>
          <Text className='code-page__text-label'>{label}文本：</Text>
          <Text className='code-page__payload ck-code-scene' userSelect>
            {d.scene}
          </Text>
          <Text className='code-page__copy ck-code-copy' onClick={() => Taro.setClipboardData({ data: d.scene }).catch(() => undefined)}>
            复制{label}
          </Text>
        </View>
      </View>

      <View className='code-page__actions'>
        {d.mode === 'static' ? (
          <Button className='ck-code-poster' type='primary' block loading={saving} disabled={saving} onClick={poster}>
            保存海报
          </Button>
        ) : (
          <Text className='code-page__hint'>动态码截图会很快失效；要发到微信群或打印，请切换到“海报（固定码）”保存海报</Text>
        )}
        <Button className='ck-code-roster' block onClick={() => Taro.navigateTo({ url: routes.roster(activityId) })}>
          {d.kind === 'out' ? '查看签退名单' : '查看签到名单'}
        </Button>
        <Button className='ck-code-revoke' block fill='outline' type='danger' loading={revoking} disabled={revoking} onClick={revoke}>
          作废旧码（{label}外传时使用）
        </Button>
      </View>
      {process.env.TARO_ENV === 'weapp' ? <Canvas type='2d' id={POSTER_CANVAS_ID} className='code-page__canvas' /> : null}
    </Shell>
  );
}

/** 123456 → "123 456": six digits read aloud in two groups. */
const spacedNumber = (n: string) => `${n.slice(0, 3)} ${n.slice(3)}`;

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page code-page'>{children}</View>;
}
