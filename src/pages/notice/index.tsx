// One 通知公告: title, team, date and the body (paragraphs as text, images by the address the server answers — a cloud
// file's temporary one: nothing in it is markup).
// Opening it reads it, here and in 消息中心. The publishing team's managers see how many have read it.
// Managers of the publishing team may pin, unpin or delete it here.
// Test classes: notice-loading, notice-error, notice-title, notice-meta, notice-paragraph, notice-image, notice-reads,
// notice-image-missing, notice-pin, notice-delete.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import { Button } from '../../components/nutui/button';
import { useResource } from '../../hooks/use-resource';
import { deleteNotice, openNotice, pinNotice } from '../../services/notice';
import { tabs } from '../../routes';
import { dateTimeOf } from '@contract/time';
import type { NoticeBlockView } from '@contract/notice';
import './index.scss';

/** Tapping a picture opens the notice's pictures full screen. */
function previewImages(body: NoticeBlockView[], current: string) {
  const urls = body.flatMap((b) => (b.type === 'image' && b.url ? [b.url] : []));
  void Taro.previewImage({ current, urls }).catch(() => undefined);
}

export default function NoticePage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload } = useResource(() => openNotice(id), [id]);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (e) {
      void Taro.showToast({ title: (e as Error)?.message || '操作失败，请重试', icon: 'none' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const togglePin = (pinned: boolean) =>
    void act(() => pinNotice(id, pinned), pinned ? '已置顶' : '已取消置顶').then((ok) => ok && reload({ quiet: true }));
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除通知公告',
      content: '删除后队员将无法再查看这则通知，确定删除吗？',
      confirmText: '删除',
    });
    if (!confirm) return;
    if (await act(() => deleteNotice(id), '已删除'))
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: tabs.home })), 800);
  };

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
        {n.canManage ? (
          <View className='notice__actions'>
            <Button className='notice-pin' size='small' disabled={busy} onClick={() => togglePin(!n.pinned)}>
              {n.pinned ? '取消置顶' : '置顶'}
            </Button>
            <Button className='notice-delete' size='small' type='danger' disabled={busy} onClick={() => void remove()}>
              删除
            </Button>
          </View>
        ) : null}
        <View className='notice__body'>
          {n.body.map((b, i) =>
            b.type === 'text' ? (
              <Text key={i} className='notice__paragraph notice-paragraph'>
                {b.text}
              </Text>
            ) : b.url ? (
              <Image
                key={i}
                className='notice__image notice-image'
                src={b.url}
                mode='widthFix'
                onClick={() => previewImages(n.body, b.url!)}
              />
            ) : (
              <Text key={i} className='notice__paragraph notice-image-missing'>
                （图片已失效）
              </Text>
            ),
          )}
        </View>
      </View>
    </View>
  );
}
