// 证明查验 (public, no registration needed): a certificate number — typed, or from the certificate's QR code as
// `?no=` — is checked with the issuing team's records. A genuine one shows the masked name, the team, the hours, the
// period and the 经办人 (masked as well); anything else says it was not found.
// Test classes: verify-input, verify-submit, verify-loading, verify-valid (verify-name/-org/-minutes/-period/-issued-at/-handler),
// verify-invalid, verify-error, verify-enter (进入科技志愿服务: someone who came by a QR code reaches 首页).
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import InfoRow from '../../components/info-row';
import { verifyCertificate } from '../../services/report';
import { useResource } from '../../hooks/use-resource';
import type { ReportVerifyCertificateOutput } from '@contract/report';
import { dateRange, dateTimeOf } from '@contract/time';
import { formatDuration } from '@contract/format';
import { tabs } from '../../routes';
import './index.scss';

export default function Verify() {
  const routed = decodeURIComponent(useRouter().params.no ?? '').trim();
  const [no, setNo] = useState(routed);
  // Nothing is shown until a number is checked; a blank one is refused here.
  const [asked, setAsked] = useState<'no' | 'blank' | 'yes'>('no');
  const certificateNo = no.trim();
  const { state: check, reload } = useResource(
    () => verifyCertificate(certificateNo).then((result) => ({ no: certificateNo, result })),
    [],
    { when: 'manual' },
  );
  const run = () => {
    setAsked(certificateNo ? 'yes' : 'blank');
    if (certificateNo) reload();
  };

  useEffect(() => {
    if (routed) run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the number the route brought
  }, []);
  const loading = asked === 'yes' && check.status === 'loading';
  const error = asked === 'blank' ? '请输入证明编号' : asked === 'yes' && check.status === 'error' ? check.error.message : '';

  return (
    <View className='app-page verify'>
      <View className='card verify__form'>
        <Text className='verify__title'>志愿服务证明查验</Text>
        <Text className='verify__lead'>输入证明上的编号（如 KJZY-2026-…），或用微信扫描证明上的二维码。</Text>
        <Input
          className='verify__input verify-input'
          value={no}
          placeholder='请输入证明编号'
          maxlength={64}
          confirmType='search'
          onInput={(e) => setNo(e.detail.value)}
          onConfirm={run}
        />
        <Button className='verify__submit verify-submit' type='primary' block loading={loading} disabled={loading} onClick={run}>
          查验
        </Button>
      </View>

      {loading ? <Text className='verify__hint verify-loading'>正在查验…</Text> : null}
      {error ? <Text className='verify__hint is-error verify-error'>{error}</Text> : null}
      {asked === 'yes' && check.status === 'ready' && check.data.result.valid ? (
        <Valid no={check.data.no} result={check.data.result} />
      ) : null}
      {asked === 'yes' && check.status === 'ready' && !check.data.result.valid ? (
        <View className='card verify__result is-invalid verify-invalid'>
          <Text className='verify__verdict'>未查到该证明</Text>
          <Text className='verify__lead'>编号 {check.data.no} 不存在。请核对编号；如有疑问，请联系出具证明的队伍。</Text>
        </View>
      ) : null}
      <Button
        className='verify__enter verify-enter'
        fill='outline'
        type='primary'
        block
        onClick={() => void Taro.switchTab({ url: tabs.home })}
      >
        进入科技志愿服务
      </Button>
    </View>
  );
}

function Valid({ no, result }: { no: string; result: ReportVerifyCertificateOutput }) {
  return (
    <View className='card verify__result is-valid verify-valid'>
      <Text className='verify__verdict'>✓ 证明真实有效</Text>
      <InfoRow label='证明编号' value={no} cls='verify-no' />
      <InfoRow label='志愿者' value={result.realNameMasked ?? ''} cls='verify-name' />
      <InfoRow label='出具队伍' value={result.orgName ?? ''} cls='verify-org' />
      <InfoRow label='服务时长' value={formatDuration(result.minutes ?? 0)} cls='verify-minutes' />
      {result.from && result.to ? <InfoRow label='服务期间' value={dateRange(result.from, result.to)} cls='verify-period' /> : null}
      <InfoRow label='开具时间' value={dateTimeOf(result.issuedAt)} cls='verify-issued-at' />
      {result.handlerNameMasked ? <InfoRow label='经办人' value={result.handlerNameMasked} cls='verify-handler' /> : null}
    </View>
  );
}
