// 发布通知公告 (leader and admins of a team): title, paragraphs, images (添加图片 uploads one from the phone and adds
// its cloud file id; an https address may be typed too), 置顶. It reaches every member of the team and of every team
// below it, in their 消息中心 and on 首页.
// Test classes: notice-edit-title, notice-edit-text, notice-edit-images, notice-edit-add-image, notice-edit-image-preview,
// notice-edit-image-error, notice-edit-pinned, notice-edit-submit, notice-edit-error, field-error-<row>.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Switch, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import FormField from '../../components/form-field';
import TextField from '../../components/text-field';
import { useContractForm } from '../../hooks/use-contract-form';
import { addNoticeImage, publishNotice } from '../../services/notice';
import { toCloudError } from '../../services/cloud-error';
import { PhotoPickError, pickPhoto } from '../../device/photo';
import { routes } from '../../routes';
import { NOTICE_IMAGES_MAX, NOTICE_TITLE_MAX } from '@contract/notice';
import { EMPTY_NOTICE_FORM, NOTICE_SPEC, validateNoticeForm, type NoticeForm } from './helpers';
import './index.scss';

const rowOf = (k: keyof NoticeForm) => (k === 'pinned' ? [] : k);

export default function NoticeEdit() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const { values: form, errors, banner, submitting, patch, submit } = useContractForm(NOTICE_SPEC, EMPTY_NOTICE_FORM, { rowsOf: rowOf });

  // Pictures uploaded here: file id → the temporary address to preview it.
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [imageError, setImageError] = useState('');
  const lines = form.images.split(/\s+/).filter(Boolean);

  const addImage = async () => {
    if (uploading) return;
    setImageError('');
    setUploading(true);
    try {
      const photo = await pickPhoto();
      if (!photo) return;
      const { fileId, url } = await addNoticeImage(orgId, photo);
      setUploaded((u) => ({ ...u, [fileId]: url }));
      patch({ images: [...lines, fileId].join('\n') });
    } catch (e) {
      setImageError(e instanceof PhotoPickError ? e.message : toCloudError(e).message);
    } finally {
      setUploading(false);
    }
  };

  const send = () =>
    submit(
      () => validateNoticeForm(orgId, form),
      async (input) => {
        const { notice, sentTo } = await publishNotice(input);
        void Taro.showToast({ title: `已发布，已送达${sentTo}人`, icon: 'none', duration: 1500 });
        setTimeout(() => void Taro.redirectTo({ url: routes.notice(notice.noticeId) }), 1200);
      },
    );

  return (
    <View className='app-page register notice-edit'>
      <View className='register__intro'>
        <Text className='register__intro-title'>发布通知公告</Text>
        <Text className='register__intro-text'>发布后，本队及所有下级队伍的队员都会在消息中心和首页看到</Text>
      </View>
      <View className='card'>
        <TextField
          name='title'
          label='标题'
          required
          error={errors.title}
          className='notice-edit__input notice-edit-title'
          value={form.title}
          maxlength={NOTICE_TITLE_MAX}
          placeholder='例如：关于开展冬季科普进社区活动的通知'
          onChange={(title) => patch({ title })}
        />
        <TextField
          name='text'
          label='正文'
          required
          vertical
          multiline
          error={errors.text}
          hint='每行为一段'
          className='notice-edit__textarea notice-edit-text'
          value={form.text}
          maxlength={20000}
          placeholder='请输入通知内容'
          onChange={(text) => patch({ text })}
        />
        <FormField name='images' label='图片' vertical error={errors.images} hint='选填：添加图片，或填写图片地址（https://…），每行一个'>
          <Textarea
            className='notice-edit__textarea is-short notice-edit-images'
            value={form.images}
            maxlength={5000}
            placeholder='https://'
            onInput={(e) => patch({ images: e.detail.value })}
          />
          {lines.some((l) => uploaded[l]) ? (
            <View className='notice-edit__previews'>
              {lines.map((l) =>
                uploaded[l] ? (
                  <Image key={l} className='notice-edit__preview notice-edit-image-preview' src={uploaded[l]} mode='aspectFill' />
                ) : null,
              )}
            </View>
          ) : null}
          {imageError ? <Text className='notice-edit__image-error notice-edit-image-error'>{imageError}</Text> : null}
          <Button
            className='notice-edit__add-image notice-edit-add-image'
            size='small'
            fill='outline'
            loading={uploading}
            disabled={uploading || lines.length >= NOTICE_IMAGES_MAX}
            onClick={() => void addImage()}
          >
            {uploading ? '正在上传…' : lines.length >= NOTICE_IMAGES_MAX ? `最多${NOTICE_IMAGES_MAX}张图片` : '添加图片'}
          </Button>
        </FormField>
        <FormField name='pinned' label='置顶'>
          <Switch className='notice-edit-pinned' checked={form.pinned} onChange={(e) => patch({ pinned: e.detail.value })} />
        </FormField>
      </View>
      <View className='register__footer'>
        {banner ? <Text className='register__banner notice-edit-error'>{banner}</Text> : null}
        <Button className='notice-edit-submit' type='primary' block loading={submitting} disabled={submitting} onClick={send}>
          {submitting ? '正在发布…' : '发布'}
        </Button>
      </View>
    </View>
  );
}
