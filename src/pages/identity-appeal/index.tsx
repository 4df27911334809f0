// 身份核验申请: the owner of an ID number someone else registered asks the root 总队 to check, with the phone proved by a
// 注册 SMS code (the register page hands over its unused one) and a short statement; their appeals and outcomes below.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import FormField from '../../components/form-field';
import { NameField } from '../../components/person-fields';
import { appealIdentity, myIdentityAppeals } from '../../services/user';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { APPEAL_STATEMENT_MAX } from '@contract/user';
import PhoneSection from '../register/components/phone-section';
import MyAppeals from './components/my-appeals';
import { explainAppealError, takeAppealDraft, validateAppeal, type AppealErrors, type AppealForm } from './helpers';
import { routes } from '../../routes';
import '../register/index.scss';
import './index.scss';

export default function IdentityAppeal() {
  const [form, setForm] = useState<AppealForm>(takeAppealDraft);
  const [errors, setErrors] = useState<AppealErrors>({});
  const [banner, setBanner] = useState<{ text: string; toRegister?: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { state: mine, reload: loadMine } = useResource(() => myIdentityAppeals().then((r) => r.items), [], {
    isEmpty: (items) => items.length === 0,
  });

  const patch = (field: keyof AppealForm, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    setBanner(null);
    const checked = validateAppeal(form);
    if (!checked.ok) return setErrors(checked.errors);
    setSubmitting(true);
    try {
      await appealIdentity(checked.input);
      void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
      setForm((f) => ({ ...f, smsCode: '', statement: '' }));
      setErrors({});
      loadMine();
    } catch (e) {
      const err = toCloudError(e);
      const view = explainAppealError(err.code, err.message, err.details);
      setErrors(view.fields);
      if (view.banner) setBanner({ text: view.banner, toRegister: view.toRegister });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='app-page register identity-appeal'>
      <View className='register__intro'>
        <Text className='register__intro-title'>身份证号被他人注册？</Text>
        <Text className='register__intro-text'>
          提交身份核验申请，总队工作人员将电话联系您核实。核实后，冒用您身份证号的账号将被冻结，该身份证号释放，您即可重新注册。
        </Text>
      </View>
      <MyAppeals state={mine} onRetry={loadMine} />
      <PhoneSection
        form={form}
        errors={errors}
        title='1 验证手机号'
        onChange={patch}
        onErrors={(e) => setErrors((prev) => ({ ...prev, ...e }))}
      />
      <View className='reg-section'>
        <View className='reg-section__title'>2 身份信息</View>
        <NameField prefix='appeal' value={form.realName} error={errors.realName} onChange={(v) => patch('realName', v)} />
        <FormField name='idNumber' label='身份证号' required error={errors.idNumber}>
          <Input
            className='field-input appeal-id-number'
            type='idcard'
            maxlength={18}
            placeholder='被他人注册的身份证号'
            value={form.idNumber}
            onInput={(e) => patch('idNumber', e.detail.value)}
          />
        </FormField>
        <FormField
          name='statement'
          label='情况说明'
          required
          vertical
          error={errors.statement}
          hint='如：从未注册过、何时发现被冒用，便于工作人员核实'
        >
          <Textarea
            className='appeal-statement__input appeal-statement'
            maxlength={APPEAL_STATEMENT_MAX}
            placeholder='请说明情况（至少10个字）'
            value={form.statement}
            onInput={(e) => patch('statement', e.detail.value)}
          />
        </FormField>
      </View>
      <View className='register__footer'>
        {banner ? (
          <View className='register__banner appeal-error'>
            <Text>{banner.text}</Text>
            {banner.toRegister ? (
              <Text className='appeal-register-link' onClick={() => Taro.redirectTo({ url: routes.register() })}>
                {' '}
                去注册 ›
              </Text>
            ) : null}
          </View>
        ) : null}
        <Button className='appeal-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在提交…' : '提交核验申请'}
        </Button>
      </View>
    </View>
  );
}
