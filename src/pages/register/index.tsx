// 注册: phone + SMS code, profile, teams and consent; validated by the shared contract before it is sent.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import { register } from '../../services/user';
import { askToSubscribe } from '../../services/subscribe';
import { toCloudError } from '../../services/cloud-error';
import PhoneSection from './components/phone-section';
import ProfileSection from './components/profile-section';
import OrgSection from './components/org-section';
import ConsentSection from './components/consent-section';
import { EMPTY_FORM, explainRegisterError, firstErrorField, validateForm, type FieldErrors, type FieldKey, type RegisterForm } from './helpers';
import { handAppealDraft } from '../identity-appeal/helpers';
import './index.scss';

/** Which error line a form key clears when the user edits it. */
const FIELD_OF_KEY: Record<keyof RegisterForm, FieldKey> = {
  phone: 'phone',
  smsCode: 'smsCode',
  realName: 'realName',
  idNumber: 'idNumber',
  education: 'education',
  employer: 'employer',
  title: 'title',
  province: 'region',
  city: 'region',
  county: 'region',
  serviceCategories: 'serviceCategories',
  skills: 'skills',
  politicalStatus: 'politicalStatus',
  ethnicity: 'ethnicity',
  occupation: 'occupation',
  fourHeads: 'fourHeads',
  orgIds: 'orgIds',
  consent: 'consent',
};

/** To 身份核验申请 with what was typed here (in memory, not in the URL), the unused SMS code included. */
function appealIdentity(form: RegisterForm) {
  handAppealDraft({ phone: form.phone, smsCode: form.smsCode, realName: form.realName, idNumber: form.idNumber });
  Taro.navigateTo({ url: '/pages/identity-appeal/index' });
}

function scrollToField(field: FieldKey | undefined) {
  if (!field) return;
  Promise.resolve(Taro.pageScrollTo({ selector: `.form-field-${field}`, duration: 200 })).catch(() => undefined);
}

export default function Register() {
  const [form, setForm] = useState<RegisterForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // Told USER.ID_NUMBER_TAKEN after a correct code: the owner may ask for 身份核验 (the code is still unused).
  const [idTaken, setIdTaken] = useState(false);

  const patch = (p: Partial<RegisterForm>) => {
    setForm((f) => ({ ...f, ...p }));
    const cleared = new Set((Object.keys(p) as (keyof RegisterForm)[]).map((k) => FIELD_OF_KEY[k]));
    setErrors((e) => {
      const next = { ...e };
      cleared.forEach((f) => delete next[f]);
      return next;
    });
  };
  const mergeErrors = (e: FieldErrors) => setErrors((prev) => ({ ...prev, ...e }));

  const submit = async () => {
    if (submitting) return;
    setBanner('');
    setIdTaken(false);
    const checked = validateForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      scrollToField(firstErrorField(checked.errors));
      return;
    }
    setErrors({});
    setSubmitting(true);
    if (checked.input.orgIds.length > 0) await askToSubscribe(['memberReviewed']);
    try {
      await register(checked.input);
      Taro.showToast({ title: '注册成功', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.switchTab({ url: '/pages/mine/index' }), 1200);
    } catch (e) {
      const err = toCloudError(e);
      const view = explainRegisterError(err.code, err.message, err.details);
      setErrors(view.fields);
      setBanner(view.banner ?? '');
      setIdTaken(err.code === 'USER.ID_NUMBER_TAKEN');
      scrollToField(firstErrorField(view.fields));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='app-page register'>
      <View className='register__intro'>
        <Text className='register__intro-title'>注册成为科技志愿者</Text>
        <Text className='register__intro-text'>请如实填写以下信息，带 * 为必填项</Text>
        <Text className='register__intro-link reg-activate-link' onClick={() => Taro.navigateTo({ url: '/pages/activate/index' })}>
          已由队伍导入？点此激活 ›
        </Text>
      </View>
      <PhoneSection
        form={form}
        errors={errors}
        onChange={(field, value) => patch({ [field]: value })}
        onErrors={mergeErrors}
      />
      <ProfileSection form={form} errors={errors} onChange={patch} />
      <OrgSection value={form.orgIds} error={errors.orgIds} onChange={(orgIds) => patch({ orgIds })} />
      <ConsentSection checked={form.consent} error={errors.consent} onChange={(consent) => patch({ consent })} />
      <View className='register__footer'>
        {banner ? <Text className='register__banner reg-server-error'>{banner}</Text> : null}
        {idTaken ? (
          <Text className='register__banner reg-appeal-link' onClick={() => appealIdentity(form)}>
            身份证号已被注册？申请身份核验 ›
          </Text>
        ) : null}
        <Button className='reg-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在提交…' : '提交注册'}
        </Button>
      </View>
    </View>
  );
}
