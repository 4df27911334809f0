// 队伍注册: a registered volunteer applies for a new team under a parent; the parent's leader or admins review it.
import { useEffect, useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import TeamSection from './components/team-section';
import ContactSection from './components/contact-section';
import StateView from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { registerOrg } from '../../services/org';
import { askToSubscribe } from '../../services/subscribe';
import { EMPTY_ORG_FORM, ORG_SPEC, validateOrgForm, type OrgFieldKey, type OrgForm } from './helpers';
import { useContractForm } from '../../hooks/use-contract-form';
import { routes } from '../../routes';
import './index.scss';

const rowOf = (k: keyof OrgForm): OrgFieldKey =>
  k === 'parentName' || k === 'parentLevel' ? 'parentId' : k === 'ownPhoneMasked' ? 'contactPhone' : k;

const goRegister = () => Taro.navigateTo({ url: routes.register() });

export default function OrgRegister() {
  const { params } = useRouter();
  const { state, reload } = useMe();
  const {
    values: form,
    setValues: setForm,
    errors,
    banner,
    refusal,
    submitting,
    patch,
    submit: send,
  } = useContractForm(
    ORG_SPEC,
    () => ({
      ...EMPTY_ORG_FORM,
      parentId: params.parentId ? decodeURIComponent(params.parentId) : '',
      parentName: params.parentName ? decodeURIComponent(params.parentName) : '',
    }),
    { rowsOf: rowOf },
  );
  const prefilled = useRef(false);

  // The applicant is the natural contact person: their name and phone to start with (the phone only as the app shows
  // it: left blank, the server puts in the applicant's own).
  useEffect(() => {
    if (state.status !== 'ready' || prefilled.current) return;
    prefilled.current = true;
    const { realName, phoneMasked } = state.data.volunteer;
    setForm((f) => ({ ...f, contactName: f.contactName || realName, ownPhoneMasked: phoneMasked }));
  }, [state, setForm]);

  const submit = () =>
    send(
      () => validateOrgForm(form),
      async (input) => {
        await askToSubscribe(['orgReviewed']);
        const { org } = await registerOrg(input);
        void Taro.showToast({ title: '已提交，等待审核', icon: 'success', duration: 1500 });
        setTimeout(() => Taro.redirectTo({ url: routes.orgDetail(org._id) }), 1200);
      },
    );

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
            <Text>{banner}</Text>
            {refusal === 'USER.NOT_REGISTERED' ? (
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
