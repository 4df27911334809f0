// 注册: phone + SMS code, what 附件2 requires of the person (the rest behind 补充更多信息), teams and consent;
// validated by the shared contract before it is sent. 所在地区 defaults to the first chosen team's. Opened from a
// team's invitation (`orgId`), that team is already chosen. Someone already registered (a link, a back button) is
// told so instead of filling in the form again (reg-already, reg-go-mine).
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { me, register } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import StateView from '../../components/state-view';
import { askToSubscribe } from '../../services/subscribe';
import PhoneSection from './components/phone-section';
import ProfileSection from './components/profile-section';
import OrgSection from './components/org-section';
import ConsentSection from './components/consent-section';
import { EMPTY_FORM, REGISTER_SPEC, validateForm, type FieldErrors, type FieldKey, type RegisterForm } from './helpers';
import { useContractForm } from '../../hooks/use-contract-form';
import { handAppealDraft } from '../identity-appeal/helpers';
import { routes, tabs } from '../../routes';
import './index.scss';

/** The error row of a form key (the three region keys share one). */
const rowOf = (k: keyof RegisterForm): FieldKey =>
  k === 'province' || k === 'city' || k === 'county' ? 'region' : k === 'phoneProof' ? 'phone' : k;

/** To 身份核验申请 with what was typed here (in memory, not in the URL), the unused SMS code included. */
function appealIdentity(form: RegisterForm) {
  handAppealDraft({ phone: form.phone, smsCode: form.smsCode, realName: form.realName, idNumber: form.idNumber });
  void Taro.navigateTo({ url: routes.identityAppeal() });
}

export default function Register() {
  // Come from a team's invitation: that team is already chosen.
  const invitedTo = useRouter().params.orgId;
  const {
    values: form,
    errors,
    setErrors,
    banner,
    refusal,
    submitting,
    patch,
    submit: send,
  } = useContractForm(REGISTER_SPEC, invitedTo ? { ...EMPTY_FORM, orgIds: [decodeURIComponent(invitedTo)] } : EMPTY_FORM, {
    rowsOf: rowOf,
  });
  const mine = useResource(me);
  const mergeErrors = (e: FieldErrors) => setErrors((prev) => ({ ...prev, ...e }));
  // Told USER.ID_NUMBER_TAKEN after a correct code: the owner may ask for 身份核验 (the code is still unused).
  const idTaken = refusal === 'USER.ID_NUMBER_TAKEN';
  // A proof the server no longer takes (expired, used): back to the SMS code.
  const proofRefused = refusal === 'USER.PHONE_PROOF_INVALID' || refusal === 'USER.PHONE_PROOF_EXPIRED';
  useEffect(() => {
    if (proofRefused) patch({ phoneProof: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the refusal arrives
  }, [proofRefused]);

  const submit = () =>
    send(
      () => validateForm(form),
      async (input) => {
        if (input.orgIds.length > 0) await askToSubscribe(['memberReviewed']);
        await register(input);
        void Taro.showToast({ title: '注册成功', icon: 'success', duration: 1500 });
        setTimeout(() => Taro.switchTab({ url: tabs.mine }), 1200);
      },
    );

  if (mine.state.status === 'ready') {
    return (
      <View className='app-page register'>
        <StateView
          kind='empty'
          className='reg-already'
          icon='志'
          title='您已是科技志愿者'
          description='无需重复注册，个人资料可在“我的”页查看和修改'
          action={{ text: '去我的', className: 'reg-go-mine', onClick: () => void Taro.switchTab({ url: tabs.mine }) }}
        />
      </View>
    );
  }

  return (
    <View className='app-page register'>
      <View className='register__intro'>
        <Text className='register__intro-title'>注册成为科技志愿者</Text>
        <Text className='register__intro-text'>请如实填写以下信息，带 * 为必填项</Text>
        <Text className='register__intro-link reg-activate-link' onClick={() => Taro.navigateTo({ url: routes.activate() })}>
          已由队伍导入？点此激活 ›
        </Text>
      </View>
      <PhoneSection
        form={form}
        errors={errors}
        onChange={(field, value) => patch({ [field]: value })}
        onErrors={mergeErrors}
        weixin={{ phoneProof: form.phoneProof, onProof: (phone, phoneProof) => patch({ phone, phoneProof }) }}
      />
      <ProfileSection form={form} errors={errors} onChange={patch} />
      <OrgSection
        value={form.orgIds}
        error={errors.orgIds}
        onChange={(orgIds) => patch({ orgIds })}
        // Most volunteers live where their team works: its region fills 所在地区 until they choose one themselves.
        onChosen={(org) => (form.province ? undefined : patch({ ...org.region }))}
      />
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
