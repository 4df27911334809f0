// 编辑资料: every profile field prefilled from `me()`, checked by the shared contract; only changed fields are sent.
// 真实姓名 (changed only through a reviewed path), 性别 and 出生日期 (the ID number's) are shown, never edited or sent.
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Empty, Skeleton } from '../../components/nutui';
import { me, updateProfile } from '../../services/user';
import { toCloudError } from '../../services/cloud-error';
import type { Volunteer } from '../../../types/user';
import { GENDER_LABEL } from '../../../types/enums';
import BasicSection from './components/basic-section';
import ServiceSection from './components/service-section';
import WithdrawSection from './components/withdraw-section';
import { firstProfileError, formFromVolunteer, profileErrorsFromIssues, validateProfile, type ProfileErrors, type ProfileForm } from './helpers';
import './index.scss';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; volunteer: Volunteer };

/** Which error line a form key clears when the user edits it. */
const errorKey = (k: keyof ProfileForm) => (k === 'province' || k === 'city' || k === 'county' ? 'region' : k);

export default function ProfileEdit() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<ProfileForm | null>(null);
  const original = useRef<ProfileForm | null>(null);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [banner, setBanner] = useState('');
  const [saving, setSaving] = useState(false);

  const fetchMe = () => {
    setLoad({ status: 'loading' });
    me().then(
      ({ volunteer }) => {
        original.current = formFromVolunteer(volunteer);
        setForm(formFromVolunteer(volunteer));
        setLoad({ status: 'ready', volunteer });
      },
      (e: unknown) => setLoad({ status: 'error', message: toCloudError(e).message }),
    );
  };
  useEffect(fetchMe, []);

  const patch = (p: Partial<ProfileForm>) => {
    setForm((f) => (f ? { ...f, ...p } : f));
    setBanner('');
    setErrors((e) => {
      const next = { ...e };
      (Object.keys(p) as (keyof ProfileForm)[]).forEach((k) => delete next[errorKey(k)]);
      return next;
    });
  };

  const save = async () => {
    if (saving || !form || !original.current) return;
    const checked = validateProfile(form, original.current);
    if (!checked.ok) {
      setErrors(checked.errors);
      setBanner(checked.banner ?? '');
      const first = firstProfileError(checked.errors);
      if (first) Promise.resolve(Taro.pageScrollTo({ selector: `.form-field-${first}`, duration: 200 })).catch(() => undefined);
      return;
    }
    setSaving(true);
    setBanner('');
    try {
      await updateProfile(checked.input);
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/mine/index' })), 1000);
    } catch (e) {
      const err = toCloudError(e);
      const fields = err.code === 'VALIDATION' && Array.isArray(err.details) ? profileErrorsFromIssues(err.details) : {};
      setErrors(fields);
      if (!Object.keys(fields).length) setBanner(err.message);
    } finally {
      setSaving(false);
    }
  };

  if (load.status === 'loading') {
    return (
      <View className='app-page profile-edit'>
        <View className='card profile-loading'>
          <Skeleton rows={6} animated />
        </View>
      </View>
    );
  }
  if (load.status === 'error' || !form) {
    return (
      <View className='app-page profile-edit'>
        <View className='card profile-error'>
          <Empty image={<View className='state-icon is-error'>!</View>} title='加载失败' description={load.status === 'error' ? load.message : ''} size='small' />
          <Button className='profile-retry' type='primary' block onClick={fetchMe}>
            重试
          </Button>
        </View>
      </View>
    );
  }

  const { volunteer } = load;
  const goChangePhone = () => Taro.navigateTo({ url: '/pages/change-phone/index' });
  return (
    <View className='app-page register profile-edit'>
      <View className='reg-section'>
        <View className='reg-section__title'>账号信息</View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>真实姓名</Text>
          <Text className='profile-fixed__value profile-real-name'>{volunteer.realName}</Text>
          <Text className='profile-fixed__note'>如有错误请联系所在队伍</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>手机号</Text>
          <Text className='profile-fixed__value profile-phone'>{volunteer.phoneMasked}</Text>
          <Text className='profile-fixed__link profile-change-phone' onClick={goChangePhone}>
            更换
          </Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>身份证号</Text>
          <Text className='profile-fixed__value profile-id-number'>{volunteer.idNumberMasked}</Text>
          <Text className='profile-fixed__note'>不可修改</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>性别</Text>
          <Text className='profile-fixed__value profile-derived-gender'>{GENDER_LABEL[volunteer.gender]}</Text>
          <Text className='profile-fixed__note'>根据身份证号</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>出生日期</Text>
          <Text className='profile-fixed__value profile-derived-birth-date'>{volunteer.birthDate}</Text>
          <Text className='profile-fixed__note'>根据身份证号</Text>
        </View>
      </View>
      <BasicSection form={form} errors={errors} onChange={patch} />
      <ServiceSection form={form} errors={errors} onChange={patch} />
      <View className='register__footer'>
        {banner ? <Text className='register__banner profile-banner'>{banner}</Text> : null}
        <Button className='profile-save' type='primary' block loading={saving} disabled={saving} onClick={save}>
          {saving ? '正在保存…' : '保存'}
        </Button>
        <WithdrawSection />
      </View>
    </View>
  );
}
