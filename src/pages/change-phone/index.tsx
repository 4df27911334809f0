// 更换手机号: the new phone is proven by an SMS code (purpose changePhone), then saved with changePhone.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { changePhone } from '../../services/user';
import { toCloudError } from '../../services/cloud-error';
import { UserChangePhoneInput } from '@contract/user';
import PhoneSection from '../register/components/phone-section';
import { REGISTER_SPEC, type FieldErrors } from '../register/helpers';
import { checkForm, explainError } from '../../hooks/form-spec';
import { tabs } from '../../routes';
import '../register/index.scss';

export default function ChangePhone() {
  const [form, setForm] = useState({ phone: '', smsCode: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (saving) return;
    setBanner('');
    const checked = checkForm(REGISTER_SPEC, UserChangePhoneInput, { phone: form.phone.trim(), smsCode: form.smsCode.trim() });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      await changePhone(checked.input);
      void Taro.showToast({ title: '手机号已更换', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: tabs.mine })), 1000);
    } catch (e) {
      const err = toCloudError(e);
      const view = explainError(REGISTER_SPEC, err.code, err.message, err.details);
      setErrors(view.fields);
      setBanner(view.banner ?? '');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='app-page register change-phone'>
      <View className='register__intro'>
        <Text className='register__intro-title'>更换手机号</Text>
        <Text className='register__intro-text'>验证新手机号后，活动通知将发送到新号码</Text>
      </View>
      <PhoneSection
        form={form}
        errors={errors}
        purpose='changePhone'
        title='验证新手机号'
        phoneLabel='新手机号'
        onChange={(field, value) => {
          setForm((f) => ({ ...f, [field]: value }));
          setErrors((e) => ({ ...e, [field]: undefined }));
        }}
        onErrors={(e) => setErrors((prev) => ({ ...prev, ...e }))}
      />
      <View className='register__footer'>
        {banner ? <Text className='register__banner change-phone-error'>{banner}</Text> : null}
        <Button className='change-phone-submit' type='primary' block loading={saving} disabled={saving} onClick={submit}>
          {saving ? '正在提交…' : '确认更换'}
        </Button>
      </View>
    </View>
  );
}
