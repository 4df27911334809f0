// 我要点单: a 社区, 学校, 村委会, 企业, 科普教育基地 or a person asks for science volunteers' help — what, where, when,
// how many people, and a contact phone proven by an SMS code (no volunteer registration needed). Checked with the
// server's own schema before sending; the need then opens on its own page. 现场照片 (选填, at most 3) are picked before
// submitting and uploaded one by one once the need is posted (the progress on the button); a failed upload leaves the
// need standing and the need page says so.
// Test classes: need-post-kind(-<i>), need-post-unit, -category, -title, -description, -audience, -region-*, -address,
// -choose-location (weapp), -from, -to, -contact, reg-phone, reg-send-code, reg-sms-code, need-post-submit,
// need-post-banner, need-post-photos (with PhotoRow's need-photo, need-photo-remove, need-photos-add, need-photos-error);
// field errors: field-error-<field>.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import TextField from '../../components/text-field';
import PhoneSection from '../register/components/phone-section';
import { RequesterSection, WhatSection, WhenSection, WhereSection } from './components/need-sections';
import { NEED_SPEC, newNeedForm, validateNeed, type NeedFieldKey, type NeedForm } from './helpers';
import { useContractForm } from '../../hooks/use-contract-form';
import { addNeedPhoto, postNeed } from '../../services/need';
import { PhotoRow, photoMessage, pickedUrl } from '../../components/need-photos';
import { pickPhoto, type PickedPhoto } from '../../device/photo';
import { askToSubscribe } from '../../services/subscribe';
import { serverToday } from '../../services/server-clock';
import { routes } from '../../routes';
import './index.scss';

const rowsOf = (k: keyof NeedForm): NeedFieldKey => (k === 'lat' || k === 'lng' ? 'location' : k);

export default function NeedPost() {
  const {
    values: form,
    errors,
    setErrors,
    banner,
    submitting,
    patch,
    submit: send,
  } = useContractForm(NEED_SPEC, () => newNeedForm(serverToday()), { rowsOf });
  const [photos, setPhotos] = useState<{ key: string; photo: PickedPhoto }[]>([]);
  const [picking, setPicking] = useState(false);
  const [photoError, setPhotoError] = useState('');
  /** Uploading the picked photos after posting: how many are done of how many. */
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);

  const addPicked = async () => {
    if (picking) return;
    setPicking(true);
    setPhotoError('');
    try {
      const photo = await pickPhoto();
      if (photo) setPhotos((list) => [...list, { key: `${Date.now()}-${list.length}`, photo }]);
    } catch (e) {
      setPhotoError(photoMessage(e));
    } finally {
      setPicking(false);
    }
  };

  /** The picked photos, one by one onto the posted need; answers how many failed (the need stands either way). */
  const upload = async (needId: string): Promise<number> => {
    let failed = 0;
    for (const [i, { photo }] of photos.entries()) {
      setUploading({ done: i, total: photos.length });
      await addNeedPhoto(needId, photo).catch(() => (failed += 1));
    }
    setUploading(null);
    return failed;
  };

  const submit = () =>
    send(
      () => validateNeed(form),
      async (input) => {
        await askToSubscribe(['needProgress']);
        const { need } = await postNeed(input);
        const failed = await upload(need.needId);
        void Taro.showToast({ title: failed > 0 ? '需求已提交' : '已提交', icon: failed > 0 ? 'none' : 'success', duration: 1500 });
        setTimeout(() => Taro.redirectTo({ url: routes.need(need.needId, { photosFailed: failed }) }), 1000);
      },
    );

  return (
    <View className='app-page register need-post'>
      <View className='register__intro'>
        <Text className='register__intro-title'>我要点单</Text>
        <Text className='register__intro-text'>
          社区、学校、村委会、企业、科普教育基地或个人需要科技志愿服务，在这里提出需求，当地科技志愿服务队伍会尽快响应
        </Text>
      </View>
      <RequesterSection form={form} errors={errors} onChange={patch} />
      <WhatSection form={form} errors={errors} onChange={patch} />
      <WhereSection form={form} errors={errors} onChange={patch} />
      <WhenSection form={form} errors={errors} onChange={patch} />
      <View className='reg-section'>
        <View className='reg-section__title'>5 联系方式</View>
        <TextField
          name='contactName'
          label='联系人'
          required
          error={errors.contactName}
          className='field-input need-post-contact'
          maxlength={20}
          placeholder='如：李主任'
          value={form.contactName}
          onChange={(contactName) => patch({ contactName })}
        />
      </View>
      <View className='reg-section need-post-photos'>
        <PhotoRow
          photos={photos.map((p) => ({ key: p.key, url: pickedUrl(p.photo) }))}
          editable={!submitting}
          busy={picking}
          error={photoError}
          onAdd={() => void addPicked()}
          onRemove={(key) => setPhotos((list) => list.filter((p) => p.key !== key))}
        />
      </View>
      <PhoneSection
        form={form}
        errors={{ phone: errors.phone, smsCode: errors.smsCode }}
        onChange={(field, value) => patch({ [field]: value })}
        onErrors={(e) => setErrors((prev) => ({ ...prev, phone: e.phone, ...('smsCode' in e ? { smsCode: e.smsCode } : {}) }))}
        purpose='need'
        title='验证联系电话（完整号码仅承接队伍可见）'
        phoneLabel='联系电话'
      />
      <View className='register__footer'>
        {banner ? <Text className='register__banner need-post-banner'>{banner}</Text> : null}
        <Button className='need-post-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {uploading ? `正在上传照片 ${uploading.done + 1}/${uploading.total}…` : submitting ? '正在提交…' : '提交需求'}
        </Button>
      </View>
    </View>
  );
}
