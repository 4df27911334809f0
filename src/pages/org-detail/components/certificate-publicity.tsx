// 证明公示 on a team's page, for its members: the certificates the team issued in the last 7 days (民发〔2015〕149号),
// each with the masked name, the period, the hours and when it was issued.
import { Text, View } from '@tarojs/components';
import { formatDuration } from '@contract/format';
import { dateRange, dateTimeOf } from '@contract/time';
import { useResource } from '../../../hooks/use-resource';
import { certificatePublicity } from '../../../services/report';

export default function CertificatePublicity({ orgId }: { orgId: string }) {
  const { state, reload } = useResource(() => certificatePublicity(orgId), [orgId]);
  return (
    <View className='card org-detail__section org-publicity'>
      <Text className='org-detail__section-title'>证明公示</Text>
      <Text className='org-detail__hint org-publicity-hint'>本队近7天出具的志愿服务记录证明，向本队队员公示</Text>
      {state.status === 'loading' ? <Text className='org-detail__muted org-publicity-loading'>加载中…</Text> : null}
      {state.status === 'error' ? (
        <View className='org-detail__publicity-error org-publicity-error'>
          <Text className='org-detail__muted'>证明公示加载失败：{state.error.message}</Text>
          <Text className='org-detail__retry org-publicity-retry' onClick={() => reload()}>
            重试
          </Text>
        </View>
      ) : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <Text className='org-detail__muted org-publicity-empty'>近7天没有出具的证明</Text>
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((c) => (
            <View key={c.certificateNo} className='org-detail__publicity-item org-publicity-item'>
              <View className='org-detail__publicity-line'>
                <Text className='org-detail__publicity-name'>{c.realNameMasked}</Text>
                <Text className='org-detail__publicity-hours'>{formatDuration(c.minutes)}</Text>
              </View>
              <Text className='org-detail__publicity-meta'>服务期间：{dateRange(c.from, c.to)}</Text>
              <Text className='org-detail__publicity-meta'>
                证明编号：{c.certificateNo} · {dateTimeOf(c.issuedAt)}出具
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}
