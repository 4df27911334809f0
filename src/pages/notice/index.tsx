// One 通知公告: title, team, date and the body (paragraphs as text, images by address: nothing in it is markup).
// Opening it reads it, here and in 消息中心. The publishing team's managers see how many have read it.
// Test classes: notice-loading, notice-error, notice-title, notice-meta, notice-paragraph, notice-image, notice-reads.
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { openNotice } from '../../services/notice';
import { dateTimeOf } from '@contract/time';
import './index.scss';

export default function NoticePage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload } = useResource(() => openNotice(id), [id]);

  if (state.status === 'loading') return <StateView kind='loading' className='notice-loading' />;
  if (state.status === 'error') return <StateView kind='error' className='notice-error' message={state.error.message} onRetry={reload} />;
  const n = state.data.notice;
  return (
    <View className='app-page notice'>
      <View className='card notice__card'>
        <Text className='notice__title notice-title'>
          {n.pinned ? <Text className='notice__pinned'>置顶 </Text> : null}
          {n.title}
        </Text>
        <Text className='notice__meta notice-meta'>
          {n.orgName} · {dateTimeOf(n.publishedAt)}
        </Text>
        {n.readCount !== undefined ? (
          <Text className='notice__reads notice-reads'>
            已读 {n.readCount} 人{n.audienceCount !== undefined ? ` / 共发送 ${n.audienceCount} 人` : ''}
          </Text>
        ) : null}
        <View className='notice__body'>
          {n.body.map((b, i) =>
            b.type === 'text' ? (
              <Text key={i} className='notice__paragraph notice-paragraph'>
                {b.text}
              </Text>
            ) : (
              <Image key={i} className='notice__image notice-image' src={b.src} mode='widthFix' />
            ),
          )}
        </View>
      </View>
    </View>
  );
}
