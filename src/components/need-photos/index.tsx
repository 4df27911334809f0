// 现场照片 of a need (选填, at most 3). PhotoRow shows thumbnails (a tap previews them all), each with 删除 while they
// may change, and 添加照片 below the limit: 我要点单 fills it with the pictures picked before submitting, the need page
// with the stored photos. NeedPhotos is the need page's row: everyone who sees the need sees them; its 需求方 adds and
// removes them while it is open or dispatched; uploads that failed after posting are reported there.
// Test classes: need-photos, need-photo, need-photo-remove, need-photos-add, need-photos-empty, need-photos-error,
// need-photos-progress, need-photos-failed.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { PhotoPickError, pickPhoto, type PickedPhoto } from '../../device/photo';
import { toCloudError } from '../../services/cloud-error';
import { addNeedPhoto, removeNeedPhoto } from '../../services/need';
import { NEED_PHOTOS_MAX, type NeedView } from '@contract/need';
import { COLOR } from '../../styles/colors';
import './index.scss';

export const photoMessage = (e: unknown) => (e instanceof PhotoPickError ? e.message : toCloudError(e).message);

/** A picked picture shown before it is uploaded. */
export const pickedUrl = (p: PickedPhoto) => `data:${p.contentType};base64,${p.base64}`;

type RowProps = {
  photos: readonly { key: string; url: string }[];
  /** Adding and removing are offered. */
  editable: boolean;
  busy?: boolean;
  error?: string;
  /** A line under the photos (upload progress, failures). */
  note?: { text: string; cls: string };
  onAdd: () => void;
  onRemove: (key: string) => void;
};

export function PhotoRow({ photos, editable, busy = false, error, note, onAdd, onRemove }: RowProps) {
  const preview = (url: string) => void Taro.previewImage({ current: url, urls: photos.map((p) => p.url) }).catch(() => undefined);
  return (
    <View className='need-photos'>
      <View className='need-photos__head'>
        <Text className='need-photos__title'>现场照片（选填，最多{NEED_PHOTOS_MAX}张）</Text>
        {editable ? (
          <Text className='need-photos__count'>
            {photos.length}/{NEED_PHOTOS_MAX}
          </Text>
        ) : null}
      </View>
      {photos.length === 0 ? (
        <Text className='need-photos__empty need-photos-empty'>
          {editable ? '可添加服务场地的照片，帮助队伍了解现场（每张不超过1MB）' : '没有现场照片'}
        </Text>
      ) : (
        <View className='need-photos__grid'>
          {photos.map((p) => (
            <View key={p.key} className='need-photos__item'>
              <Image className='need-photos__image need-photo' src={p.url} mode='aspectFill' onClick={() => preview(p.url)} />
              {editable ? (
                <Text className='need-photos__remove need-photo-remove' onClick={() => !busy && onRemove(p.key)}>
                  删除
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
      {note ? <Text className={`need-photos__note ${note.cls}`}>{note.text}</Text> : null}
      {error ? <Text className='need-photos__error need-photos-error'>{error}</Text> : null}
      {editable && photos.length < NEED_PHOTOS_MAX ? (
        <View className='need-photos__actions'>
          <Button className='need-photos-add' size='small' fill='outline' loading={busy} disabled={busy} onClick={onAdd}>
            {busy ? '请稍候…' : '添加照片'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

type NeedProps = {
  need: NeedView;
  /** Photos picked on 我要点单 that did not upload after posting. */
  failed: number;
  onChanged: () => void;
};

export default function NeedPhotos({ need, failed, onChanged }: NeedProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const editable = need.can.photos;
  if (!editable && need.photos.length === 0) return null;

  const run = async (work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const done = await work();
      if (done) {
        void Taro.showToast({ title: done, icon: 'none', duration: 1500 });
        onChanged();
      }
    } catch (e) {
      setError(photoMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const add = () =>
    void run(async () => {
      const photo = await pickPhoto();
      if (!photo) return null;
      await addNeedPhoto(need.needId, photo);
      return '照片已添加';
    });

  const remove = async (photoId: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除照片',
      content: '删除后不能恢复，确定删除这张现场照片吗？',
      confirmText: '删除',
      confirmColor: COLOR.danger,
      cancelText: '不删除',
      cancelColor: COLOR.text,
    });
    if (confirm) void run(() => removeNeedPhoto(need.needId, photoId).then(() => '照片已删除'));
  };

  return (
    <View className='card need__card'>
      <PhotoRow
        photos={need.photos.map((p) => ({ key: p.photoId, url: p.url }))}
        editable={editable}
        busy={busy}
        error={error}
        note={
          failed > 0 && editable
            ? { text: `需求已提交，但有${failed}张照片上传失败，可在这里重新添加`, cls: 'need-photos-failed' }
            : undefined
        }
        onAdd={add}
        onRemove={(key) => void remove(key)}
      />
    </View>
  );
}
