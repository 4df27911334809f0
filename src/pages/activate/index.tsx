// 激活: someone a team imported (集体注册) proves the phone the team entered, agrees to the terms, and becomes a volunteer.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { activate } from '../../services/user';
import { toCloudError } from '../../services/cloud-error';
import { CONSENT_VERSION } from '@contract/enums';
import { UserActivateInput } from '@contract/user';
import PhoneSection from '../register/components/phone-section';
import ConsentSection from '../register/components/consent-section';
import { REGISTER_SPEC, type FieldErrors } from '../register/helpers';
import { checkForm, explainError } from '../../hooks/form-spec';
import { routes, tabs } from '../../routes';
import '../register/index.scss';

export default function Activate() {
  const [form, setForm] = useState({ phone: '', smsCode: '', consent: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState('');
  const [notInvited, setNotInvited] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    setBanner('');
    setNotInvited(false);
    const checked = checkForm(REGISTER_SPEC, UserActivateInput, {
      phone: form.phone.trim(),
      smsCode: form.smsCode.trim(),
      consentVersion: form.consent ? CONSENT_VERSION : '',
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSubmitting(true);
    try {
      await activate(checked.input);
      void Taro.showToast({ title: '激活成功', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.switchTab({ url: tabs.mine }), 1200);
    } catch (e) {
      const err = toCloudError(e);
      if (err.code === 'USER.NOT_INVITED') {
        setErrors({});
        setNotInvited(true);
        setBanner(err.message);
        return;
      }
      const view = explainError(REGISTER_SPEC, err.code, err.message, err.details);
      setErrors(view.fields);
      setBanner(view.banner ?? '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='app-page register activate'>
      <View className='register__intro'>
        <Text className='register__intro-title'>激活志愿者身份</Text>
        <Text className='register__intro-text'>您的队伍已为您集体注册，请验证队伍登记的手机号完成激活</Text>
      </View>
      <PhoneSection
        form={form}
        errors={errors}
        title='验证手机号'
        onChange={(field, value) => {
          setForm((f) => ({ ...f, [field]: value }));
          setErrors((e) => ({ ...e, [field]: undefined }));
        }}
        onErrors={(e) => setErrors((prev) => ({ ...prev, ...e }))}
      />
      <ConsentSection
        checked={form.consent}
        error={errors.consent}
        onChange={(consent) => {
          setForm((f) => ({ ...f, consent }));
          setErrors((e) => ({ ...e, consent: undefined }));
        }}
      />
      <View className='register__footer'>
        {banner ? (
          <View className='register__banner activate-error'>
            <Text>{banner}</Text>
            {notInvited ? (
              <Text className='activate-register-link' onClick={() => Taro.redirectTo({ url: routes.register() })}>
                {' '}
                去注册 ›
              </Text>
            ) : null}
          </View>
        ) : null}
        <Button className='activate-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在激活…' : '激活'}
        </Button>
      </View>
    </View>
  );
}
