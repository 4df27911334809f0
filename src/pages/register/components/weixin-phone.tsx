// 微信手机号快捷填写 (weapp only): WeChat's getPhoneNumber button; its one-time code is exchanged on the server for the
// phone and a proof of it, which registers without an SMS code. When WeChat or the account does not allow it, the
// SMS path stays and one quiet line says so.
import { useState } from 'react';
import { Button, Text, View, type BaseEventOrig, type ButtonProps } from '@tarojs/components';
import { phoneFromWeixin } from '../../../services/user';
import { toCloudError } from '../../../services/cloud-error';

type Props = {
  onPhone: (phone: string, phoneProof: string) => void;
};

/** Why no phone came back, from the button's errMsg (a refusal by the user, or an account without the permission). */
export function weixinPhoneRefusal(errMsg: string | undefined): string {
  if (errMsg && /deny|cancel/i.test(errMsg)) return '未获取微信手机号，请使用短信验证码';
  return '当前无法使用微信手机号快捷填写，请使用短信验证码';
}

export default function WeixinPhone({ onPhone }: Props) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const onGetPhoneNumber = async (e: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code, errMsg } = e.detail;
    if (!code) {
      setNote(weixinPhoneRefusal(errMsg));
      return;
    }
    setBusy(true);
    try {
      const res = await phoneFromWeixin(code);
      setNote('');
      onPhone(res.phone, res.phoneProof);
    } catch (err) {
      setNote(toCloudError(err).message);
    } finally {
      setBusy(false);
    }
  };

  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <View className='reg-wx-phone'>
      <Button
        className='reg-wx-phone__button reg-wx-phone-button'
        size='mini'
        openType='getPhoneNumber'
        disabled={busy}
        onGetPhoneNumber={onGetPhoneNumber}
      >
        微信手机号快捷填写
      </Button>
      {note ? <Text className='reg-wx-phone__note reg-wx-phone-note'>{note}</Text> : null}
    </View>
  );
}
