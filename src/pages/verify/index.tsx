// 证明查验 (public, no registration needed): a certificate number — typed, or from the certificate's QR code as
// `?no=` — is checked with the issuing team's records. A genuine one shows the masked name, the team, the hours and
// the period; anything else says it was not found.
// Test classes: verify-input, verify-submit, verify-loading, verify-valid (verify-name/-org/-minutes/-period/-issued-at),
// verify-invalid, verify-error.
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import InfoRow from '../../components/info-row';
import { verifyCertificate } from '../../services/report';
import { toCloudError } from '../../services/cloud-error';
import { dateRange, dateTimeOf } from '../../utils/checkin-time';
import { formatDuration } from '../../../types/duration';
import type { ReportVerifyCertificateOutput } from '../../../types/report';
import './index.scss';

type Check = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; no: string; result: ReportVerifyCertificateOutput };

export default function Verify() {
  const routed = decodeURIComponent(useRouter().params.no ?? '').trim();
  const [no, setNo] = useState(routed);
  const [check, setCheck] = useState<Check>({ status: 'idle' });

  const run = useCallback((value: string) => {
    const certificateNo = value.trim();
    if (!certificateNo) {
      setCheck({ status: 'error', message: '请输入证明编号' });
      return;
    }
    setCheck({ status: 'loading' });
    verifyCertificate(certificateNo).then(
      (result) => setCheck({ status: 'done', no: certificateNo, result }),
      (e: unknown) => setCheck({ status: 'error', message: toCloudError(e).message }),
    );
  }, []);

  useEffect(() => {
    if (routed) run(routed);
  }, [routed, run]);

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
          onConfirm={() => run(no)}
        />
        <Button className='verify__submit verify-submit' type='primary' block loading={check.status === 'loading'} disabled={check.status === 'loading'} onClick={() => run(no)}>
          查验
        </Button>
      </View>

      {check.status === 'loading' ? <Text className='verify__hint verify-loading'>正在查验…</Text> : null}
      {check.status === 'error' ? <Text className='verify__hint is-error verify-error'>{check.message}</Text> : null}
      {check.status === 'done' && check.result.valid ? <Valid no={check.no} result={check.result} /> : null}
      {check.status === 'done' && !check.result.valid ? (
        <View className='card verify__result is-invalid verify-invalid'>
          <Text className='verify__verdict'>未查到该证明</Text>
          <Text className='verify__lead'>编号 {check.no} 不存在。请核对编号；如有疑问，请联系出具证明的队伍。</Text>
        </View>
      ) : null}
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
    </View>
  );
}
