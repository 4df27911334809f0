// 志愿服务证明: the volunteer picks the team that recorded the hours and a period, and the team issues a PDF
// 志愿服务记录证明 (《志愿服务记录与证明出具办法（试行）》: free, truthful, by the organiser who recorded it). The
// certificate number can be checked by anyone at 证明查验.
// Test classes: cert-org (team picker), cert-period-<all|year|lastYear|custom>, cert-from, cert-to, cert-error,
// cert-issue, cert-result, cert-no, cert-covers, cert-minutes, cert-issued-at, cert-open, cert-verify, cert-loading, cert-none,
// cert-load-error.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import InfoRow from '../../components/info-row';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import OptionPicker from '../../components/option-picker';
import DateRange from '../../components/date-range';
import { me } from '../../services/user';
import { issueCertificate } from '../../services/report';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { saveFile } from '../../device/file';
import type { ReportCertificateOutput } from '@contract/report';
import { CERT_PERIODS, certificateFileName, certificateQuery, type CertChoice, type CertPeriod } from './helpers';
import { dateRange, dateTimeOf } from '@contract/time';
import { formatDuration } from '@contract/format';
import { serverToday } from '../../services/server-clock';
import { routes } from '../../routes';
import './index.scss';

export default function Certificate() {
  const [choice, setChoice] = useState<CertChoice>({ orgId: '', period: 'all', from: '', to: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<ReportCertificateOutput | null>(null);
  const today = serverToday();

  // Time served stays the team's to certify after leaving it; applications never recorded any.
  const { state: teams, reload: load } = useResource(
    () =>
      me().then((r) =>
        r.memberships.filter((m) => m.status !== 'pending' && m.status !== 'rejected').map((m) => ({ value: m.orgId, text: m.orgName })),
      ),
    [],
    {
      isEmpty: (options) => options.length === 0,
      onData: (options) => options.length === 1 && setChoice((c) => ({ ...c, orgId: options[0].value })),
    },
  );

  const set = (patch: Partial<CertChoice>) => {
    setError('');
    setIssued(null);
    setChoice((c) => ({ ...c, ...patch }));
  };

  const issue = async () => {
    const query = certificateQuery(choice);
    if ('error' in query) {
      setError(query.error);
      return;
    }
    setBusy(true);
    setError('');
    try {
      setIssued(await issueCertificate(query.input));
    } catch (e) {
      setError(toCloudError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const open = async (cert: ReportCertificateOutput) => {
    try {
      await saveFile({ fileName: certificateFileName(cert.certificateNo), base64: cert.pdfBase64 });
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '打开文件失败', icon: 'none' });
    }
  };

  if (teams.status === 'loading') return <StateView kind='loading' className='cert-loading' rows={4} />;
  if (teams.status === 'error') return <StateView kind='error' className='cert-load-error' message={teams.error.message} onRetry={load} />;
  if (teams.status === 'empty') {
    return (
      <View className='app-page certificate'>
        <StateView
          kind='empty'
          className='cert-none'
          icon='证'
          title='暂无可出具证明的队伍'
          description='加入志愿服务队伍并参加活动后，可由队伍为您出具志愿服务证明'
          action={{ text: '加入队伍', className: 'cert-join', onClick: () => Taro.navigateTo({ url: routes.orgs() }) }}
        />
      </View>
    );
  }

  return (
    <View className='app-page certificate'>
      <View className='card certificate__intro'>
        <Text className='certificate__lead'>
          依据《志愿服务记录与证明出具办法（试行）》，由记录您服务时长的队伍免费出具，内容以签到签退记录为准。证明同时列出期间内参加的培训（培训学时不计入服务时长）和经审核通过的表彰奖励。
        </Text>
      </View>

      <View className='card certificate__form'>
        <Text className='certificate__label'>出具队伍</Text>
        <OptionPicker
          className='cert-org'
          title='选择队伍'
          placeholder='请选择队伍'
          options={teams.data}
          value={choice.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Text className='certificate__label'>证明期间</Text>
        <SegTabs name='cert-period' tabs={CERT_PERIODS} value={choice.period} onChange={(period: CertPeriod) => set({ period })} />
        {choice.period === 'custom' ? (
          <DateRange name='cert' from={choice.from} to={choice.to} end={today} today={today} onChange={set} />
        ) : null}
        {error ? <Text className='certificate__error cert-error'>{error}</Text> : null}
        <Button className='certificate__issue cert-issue' type='primary' block loading={busy} disabled={busy} onClick={issue}>
          {busy ? '正在生成证明…' : '开具证明'}
        </Button>
      </View>

      {issued ? (
        <View className='card certificate__result cert-result'>
          <Text className='certificate__result-title'>证明已开具</Text>
          <InfoRow label='证明编号' value={issued.certificateNo} cls='cert-no' />
          <InfoRow label='证明期间' value={dateRange(issued.from, issued.to)} cls='cert-covers' />
          <InfoRow label='服务时长' value={formatDuration(issued.minutes)} cls='cert-minutes' />
          <InfoRow label='开具时间' value={dateTimeOf(issued.issuedAt)} cls='cert-issued-at' />
          <Button className='certificate__open cert-open' type='primary' fill='outline' block onClick={() => open(issued)}>
            {process.env.TARO_ENV === 'h5' ? '下载 PDF 证明' : '打开 PDF 证明'}
          </Button>
          <Text className='certificate__verify cert-verify' onClick={() => Taro.navigateTo({ url: routes.verify(issued.certificateNo) })}>
            查验此证明 ›
          </Text>
        </View>
      ) : null}
    </View>
  );
}
