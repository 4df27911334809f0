// Step 1: phone number and SMS code, with the resend countdown (also after SMS.RATE_LIMITED); at 注册 on weapp,
// 微信手机号快捷填写 beside it proves the phone instead of the code. A new code clears the old red lines; a refused
// code (wrong, expired, tried too often) ends the countdown, so 重新发送 is there at once (the server still limits sends).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import TextField from '../../../components/text-field';
import { Button } from '../../../components/nutui/button';
import { useCountdown } from '../../../hooks/use-countdown';
import { sendSmsCode } from '../../../services/sms';
import { toCloudError } from '../../../services/cloud-error';
import { SMS_RULES } from '@contract/sms';
import type { SmsPurpose } from '@contract/enums';
import { maskPhone } from '@contract/id-number';
import { phoneError, retryAfterSec, type FieldErrors, type RegisterForm } from '../helpers';
import WeixinPhone from './weixin-phone';

type Props = {
  form: Pick<RegisterForm, 'phone' | 'smsCode'>;
  errors: FieldErrors;
  onChange: (field: 'phone' | 'smsCode', value: string) => void;
  onErrors: (errors: FieldErrors) => void;
  /** 更换手机号 and 激活 reuse this section with their own purpose and heading. */
  purpose?: SmsPurpose;
  title?: string;
  phoneLabel?: string;
  /** 注册 only: a phone WeChat verified, proven by `phoneProof`; changing the phone drops the proof. */
  weixin?: { phoneProof: string; onProof: (phone: string, phoneProof: string) => void };
};

export default function PhoneSection({
  form,
  errors,
  onChange,
  onErrors,
  purpose = 'register',
  title = '1 手机验证',
  phoneLabel = '手机号',
  weixin,
}: Props) {
  const { left, start, reset } = useCountdown();
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState('');
  const [validMinutes, setValidMinutes] = useState(SMS_RULES.ttlSec / 60);

  const send = async () => {
    if (sending || left > 0) return;
    const invalid = phoneError(form.phone);
    if (invalid) {
      onErrors({ phone: invalid });
      return;
    }
    setSending(true);
    try {
      const res = await sendSmsCode(form.phone.trim(), purpose);
      start(res.resendAfterSec > 0 ? res.resendAfterSec : SMS_RULES.resendAfterSec);
      setSentTo(form.phone.trim());
      setValidMinutes(Math.max(1, Math.round(res.expiresInSec / 60)));
      onErrors({ phone: undefined, smsCode: undefined });
    } catch (e) {
      const err = toCloudError(e);
      if (err.code === 'SMS.RATE_LIMITED') start(retryAfterSec(err.details) ?? SMS_RULES.resendAfterSec);
      onErrors({ phone: err.message });
    } finally {
      setSending(false);
    }
  };

  // A code the form or the server refused after one was sent: the way to a new one is open at once.
  const codeRefused = Boolean(errors.smsCode) && Boolean(sentTo);
  useEffect(() => {
    if (codeRefused) reset();
  }, [codeRefused, errors.smsCode, reset]);

  const label = left > 0 ? `${left}秒后重新获取` : sentTo ? '重新发送' : '发送验证码';
  const proven = Boolean(weixin?.phoneProof);
  const typePhone = (value: string) => {
    if (proven) weixin?.onProof(value, '');
    else onChange('phone', value);
  };

  return (
    <View className='reg-section'>
      <View className='reg-section__title'>{title}</View>
      <TextField
        name='phone'
        label={phoneLabel}
        required
        error={errors.phone}
        className='field-input reg-phone'
        type='number'
        maxlength={11}
        placeholder='请输入11位手机号'
        value={form.phone}
        onChange={typePhone}
      >
        {proven ? null : (
          <Button className='reg-send-code' size='small' type='primary' fill='outline' disabled={left > 0} loading={sending} onClick={send}>
            {label}
          </Button>
        )}
      </TextField>
      {weixin && !proven ? <WeixinPhone onPhone={weixin.onProof} /> : null}
      {proven ? (
        <View className='reg-wx-phone'>
          <Text className='reg-wx-phone__done reg-wx-phone-done'>已使用微信绑定的手机号，无需短信验证码</Text>
          <Text className='reg-wx-phone__switch reg-wx-phone-switch' onClick={() => weixin?.onProof(form.phone, '')}>
            改用短信验证码
          </Text>
        </View>
      ) : (
        <TextField
          name='smsCode'
          label='验证码'
          required
          error={errors.smsCode}
          hint={sentTo ? `验证码已发送至 ${maskPhone(sentTo)}，${validMinutes}分钟内有效` : undefined}
          className='field-input reg-sms-code'
          type='number'
          maxlength={SMS_RULES.codeLength}
          placeholder='请输入6位验证码'
          value={form.smsCode}
          onChange={(value) => onChange('smsCode', value)}
        />
      )}
    </View>
  );
}
