// 活动照片 and 活动回顾 on an activity's page. Everyone sees the photos (a strip; tapping one previews them all) and, once
// the activity has ended, its 回顾: the summary and the photos the team chose. The team's leader and admins add photos
// (添加照片: picked and compressed on the phone, at most 9), delete one (after a confirm) and choose the 回顾's photos.
// Test classes: act-photos, act-photo, act-photo-broken, act-photos-empty, act-photos-add, act-photo-delete,
// act-photos-error, act-recap, act-recap-summary, act-recap-photo, act-recap-choose, act-recap-pick, act-recap-save,
// act-recap-hint.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { addActivityPhoto, recordServed, removeActivityPhoto } from '../../services/activity';
import { toCloudError } from '../../services/cloud-error';
import { PhotoPickError, pickPhoto } from '../../device/photo';
import { ACTIVITY_PHOTOS_MAX } from '@contract/photo';
import type { ActivityGetOutput } from '@contract/activity';
import { COLOR } from '../../styles/colors';
import './index.scss';

type Props = { data: ActivityGetOutput; onChanged: () => void };

const messageOf = (e: unknown) => (e instanceof PhotoPickError ? e.message : toCloudError(e).message);

export default function ActivityPhotos({ data, onChanged }: Props) {
  const a = data.activity;
  const { photos, phase, canManage } = data;
  const [busy, setBusy] = useState<'' | 'adding' | 'deleting' | 'saving'>('');
  const [error, setError] = useState('');
  const [broken, setBroken] = useState<Record<string, boolean>>({});
  const [choosing, setChoosing] = useState<string[] | null>(null);

  const manage = canManage && phase !== 'cancelled';
  const started = phase === 'ongoing' || phase === 'ended';
  const recapIds = a.recapPhotoIds ?? [];
  const recap = recapIds.flatMap((id) => photos.filter((p) => p.photoId === id));
  const showRecap = phase === 'ended' && (Boolean(a.summary) || recap.length > 0);

  const preview = (list: typeof photos, url: string) =>
    void Taro.previewImage({ current: url, urls: list.map((p) => p.url) }).catch(() => undefined);

  const run = async (kind: 'adding' | 'deleting' | 'saving', work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(kind);
    setError('');
    try {
      const done = await work();
      if (done) {
        void Taro.showToast({ title: done, icon: 'none', duration: 1500 });
        onChanged();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const add = () =>
    run('adding', async () => {
      const photo = await pickPhoto();
      if (!photo) return null;
      await addActivityPhoto(a._id, photo);
      return '照片已添加';
    });

  const remove = async (photoId: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除照片',
      content: '删除后不能恢复，活动回顾中也不再显示这张照片。确定删除吗？',
      confirmText: '删除',
      confirmColor: COLOR.danger,
      cancelText: '不删除',
      cancelColor: COLOR.text,
    });
    if (confirm) void run('deleting', () => removeActivityPhoto(a._id, photoId).then(() => '照片已删除'));
  };

  const toggle = (photoId: string) =>
    setChoosing((list) => (list === null ? list : list.includes(photoId) ? list.filter((id) => id !== photoId) : [...list, photoId]));

  const saveRecap = () => {
    if (choosing === null || a.servedCount === undefined) return;
    const chosen = choosing;
    void run('saving', async () => {
      await recordServed({ activityId: a._id, servedCount: a.servedCount!, recapPhotoIds: chosen });
      setChoosing(null);
      return '活动回顾已保存';
    });
  };

  if (photos.length === 0 && !manage && !showRecap) return null;

  return (
    <>
      {showRecap ? (
        <View className='card activity-photos act-recap'>
          <Text className='activity-photos__title'>活动回顾</Text>
          {a.summary ? <Text className='activity-photos__summary act-recap-summary'>{a.summary}</Text> : null}
          {recap.length > 0 ? (
            <View className='activity-photos__grid'>
              {recap.map((p) => (
                <Image
                  key={p.photoId}
                  className='activity-photos__cell act-recap-photo'
                  src={p.url}
                  mode='aspectFill'
                  onClick={() => preview(recap, p.url)}
                />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      {photos.length > 0 || manage ? (
        <View className='card activity-photos act-photos'>
          <View className='activity-photos__head'>
            <Text className='activity-photos__title'>活动照片</Text>
            {manage ? (
              <Text className='activity-photos__count'>
                {photos.length}/{ACTIVITY_PHOTOS_MAX}
              </Text>
            ) : null}
          </View>
          {photos.length === 0 ? (
            <Text className='activity-photos__empty act-photos-empty'>还没有照片，可添加活动现场的照片（每张不超过1MB，最多9张）</Text>
          ) : (
            <ScrollView scrollX className='activity-photos__strip'>
              {photos.map((p) => {
                const picked = choosing?.includes(p.photoId) ?? false;
                return (
                  <View key={p.photoId} className={`activity-photos__item${picked ? ' is-picked' : ''}`}>
                    {broken[p.photoId] ? (
                      <View className='activity-photos__broken act-photo-broken'>
                        <Text>图片加载失败</Text>
                      </View>
                    ) : (
                      <Image
                        className='activity-photos__image act-photo'
                        src={p.url}
                        mode='aspectFill'
                        onError={() => setBroken((b) => ({ ...b, [p.photoId]: true }))}
                        onClick={() => (choosing ? toggle(p.photoId) : preview(photos, p.url))}
                      />
                    )}
                    {choosing ? (
                      <Text className='activity-photos__pick act-recap-pick' onClick={() => toggle(p.photoId)}>
                        {picked ? `第${choosing.indexOf(p.photoId) + 1}张` : '选用'}
                      </Text>
                    ) : manage ? (
                      <Text className='activity-photos__delete act-photo-delete' onClick={() => void remove(p.photoId)}>
                        删除
                      </Text>
                    ) : null}
                  </View>
                );
              })}
            </ScrollView>
          )}
          {error ? <Text className='activity-photos__error act-photos-error'>{error}</Text> : null}
          {manage ? (
            <View className='activity-photos__actions'>
              {choosing ? (
                <>
                  <Button size='small' fill='outline' disabled={busy !== ''} onClick={() => setChoosing(null)}>
                    取消
                  </Button>
                  <Button
                    className='act-recap-save'
                    size='small'
                    type='primary'
                    loading={busy === 'saving'}
                    disabled={busy !== ''}
                    onClick={saveRecap}
                  >
                    保存回顾（{choosing.length}张）
                  </Button>
                </>
              ) : (
                <>
                  {started && photos.length > 0 ? (
                    a.servedCount === undefined ? (
                      <Text className='activity-photos__hint act-recap-hint'>填写服务人数后可选择回顾照片</Text>
                    ) : (
                      <Button
                        className='act-recap-choose'
                        size='small'
                        fill='outline'
                        disabled={busy !== ''}
                        onClick={() => setChoosing(recapIds)}
                      >
                        选择回顾照片
                      </Button>
                    )
                  ) : null}
                  {photos.length < ACTIVITY_PHOTOS_MAX ? (
                    <Button
                      className='act-photos-add'
                      size='small'
                      type='primary'
                      loading={busy === 'adding'}
                      disabled={busy !== ''}
                      onClick={() => void add()}
                    >
                      {busy === 'adding' ? '正在上传…' : '添加照片'}
                    </Button>
                  ) : (
                    <Text className='activity-photos__hint'>已达9张上限</Text>
                  )}
                </>
              )}
            </View>
          ) : null}
        </View>
      ) : null}
    </>
  );
}
