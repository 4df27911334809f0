// 队伍注册: a registered volunteer applies for a new team under a parent; the parent's leader or admins review it.
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import TeamSection from './components/team-section';
import ContactSection from './components/contact-section';
import StateView from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { registerOrg } from '../../services/org';
import { askToSubscribe } from '../../services/subscribe';
import { toCloudError } from '../../services/cloud-error';
import {
  EMPTY_ORG_FORM,
  explainOrgRegisterError,
  firstOrgErrorField,
  validateOrgForm,
  type OrgFieldErrors,
  type OrgFieldKey,
  type OrgForm,
} from './helpers';
import './index.scss';

/** Which error line a form key clears when the user edits it. */
const FIELD_OF_KEY: Record<keyof OrgForm, OrgFieldKey> = {
  parentId: 'parentId',
  parentName: 'parentId',
  name: 'name',
  level: 'level',
  region: 'region',
  intro: 'intro',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  serviceCategories: 'serviceCategories',
  registeredWithCivilAffairs: 'registeredWithCivilAffairs',
  supervisorType: 'supervisorType',
  foundedAt: 'foundedAt',
};

function scrollToField(field: OrgFieldKey | undefined) {
  if (!field) return;
  Promise.resolve(Taro.pageScrollTo({ selector: `.form-field-${field}`, duration: 200 })).catch(() => undefined);
}

const goRegister = () => Taro.navigateTo({ url: '/pages/register/index' });

export default function OrgRegister() {
  const { params } = useRouter();
  const { state, reload } = useMe();
  const [form, setForm] = useState<OrgForm>(() => ({
    ...EMPTY_ORG_FORM,
    parentId: params.parentId ? decodeURIComponent(params.parentId) : '',
    parentName: params.parentName ? decodeURIComponent(params.parentName) : '',
  }));
  const [errors, setErrors] = useState<OrgFieldErrors>({});
  const [banner, setBanner] = useState<{ text: string; register?: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const prefilled = useRef(false);

  // The applicant is the natural contact person: prefill the name once, leave the phone to them.
  useEffect(() => {
    if (state.status !== 'ready' || prefilled.current) return;
    prefilled.current = true;
    setForm((f) => (f.contactName ? f : { ...f, contactName: state.data.volunteer.realName }));
  }, [state]);

  const patch = (p: Partial<OrgForm>) => {
    setForm((f) => ({ ...f, ...p }));
    const cleared = new Set((Object.keys(p) as (keyof OrgForm)[]).map((k) => FIELD_OF_KEY[k]));
    setErrors((e) => {
      const next = { ...e };
      cleared.forEach((f) => delete next[f]);
      return next;
    });
  };

  const submit = async () => {
    if (submitting) return;
    setBanner(null);
    const checked = validateOrgForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      scrollToField(firstOrgErrorField(checked.errors));
      return;
    }
    setErrors({});
    setSubmitting(true);
    await askToSubscribe(['orgReviewed']);
    try {
      const { org } = await registerOrg(checked.input);
      Taro.showToast({ title: '已提交，等待审核', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.redirectTo({ url: `/pages/org-detail/index?orgId=${encodeURIComponent(org._id)}` }), 1200);
    } catch (e) {
      const err = toCloudError(e);
      const view = explainOrgRegisterError(err.code, err.message, err.details);
      setErrors(view.fields);
      setBanner(view.banner ? { text: view.banner, register: view.needsRegistration } : null);
      scrollToField(firstOrgErrorField(view.fields));
    } finally {
      setSubmitting(false);
    }
  };

  if (state.status === 'loading') {
    return (
      <View className='app-page org-register'>
        <StateView kind='loading' className='orgreg-loading' rows={6} />
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='app-page org-register'>
        <StateView kind='error' className='orgreg-error' message={state.message} onRetry={reload} />
      </View>
    );
  }
  if (state.status === 'unregistered') {
    return (
      <View className='app-page org-register'>
        <StateView
          kind='empty'
          className='orgreg-unregistered'
          icon='志'
          title='请先注册成为科技志愿者'
          description='注册队伍的申请人将在审核通过后成为队伍负责人，需要先完成志愿者实名注册'
          action={{ text: '立即注册', className: 'orgreg-go-register', onClick: goRegister }}
        />
      </View>
    );
  }

  return (
    <View className='app-page register org-register'>
      <View className='register__intro'>
        <Text className='register__intro-title'>注册志愿服务队伍</Text>
        <Text className='register__intro-text'>提交后由上级队伍负责人或管理员审核，通过后您将成为队伍负责人</Text>
      </View>
      <TeamSection form={form} errors={errors} onChange={patch} />
      <ContactSection form={form} errors={errors} onChange={patch} />
      <View className='register__footer'>
        {banner ? (
          <View className='register__banner orgreg-server-error'>
            <Text>{banner.text}</Text>
            {banner.register ? (
              <Text className='orgreg-banner-link' onClick={goRegister}>
                去注册
              </Text>
            ) : null}
          </View>
        ) : null}
        <Button className='orgreg-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在提交…' : '提交申请'}
        </Button>
      </View>
    </View>
  );
}
