// Getting a code's text into the app: the camera (weapp, or WeChat's JS-SDK scanQRCode on h5) and, on h5 where a
// browser cannot scan, typing or pasting the code. `name` prefixes the test classes: <name>-camera, <name>-payload,
// <name>-submit, <name>-entry-error.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { canScanQr, readQrCode } from '../../device/scan';
import { toCloudError } from '../../services/cloud-error';
import './index.scss';

type Props = {
  name: string;
  scanText: string;
  /** Under the manual field: what to type in and where it comes from. */
  manualHint: string;
  busy?: boolean;
  onCode: (payload: string) => void;
};

export default function QrEntry({ name, scanText, manualHint, busy, onCode }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const camera = canScanQr();
  const manual = process.env.TARO_ENV === 'h5';

  const scan = async () => {
    if (busy) return;
    setError('');
    try {
      const code = await readQrCode();
      if (code) onCode(code);
    } catch (e) {
      const message = toCloudError(e).message;
      setError(message);
      void Taro.showToast({ title: message, icon: 'none' });
    }
  };

  const submit = () => {
    if (busy) return;
    const code = text.trim();
    if (!code) return setError('请输入或粘贴签到码');
    setError('');
    onCode(code);
  };

  return (
    <View className='qr-entry'>
      {camera ? (
        <Button
          className={`qr-entry__camera ${name}-camera`}
          type='primary'
          size='large'
          block
          loading={busy}
          disabled={busy}
          onClick={scan}
        >
          {scanText}
        </Button>
      ) : null}
      {manual ? (
        <View className='qr-entry__manual'>
          <Text className='qr-entry__label'>{camera ? '或输入签到码' : '当前浏览器无法调用相机扫码，请输入签到码'}</Text>
          <Textarea
            className={`qr-entry__input ${name}-payload`}
            maxlength={2000}
            placeholder='粘贴或输入二维码下方的签到码'
            value={text}
            onInput={(e) => {
              setText(e.detail.value);
              setError('');
            }}
          />
          <Text className='qr-entry__hint'>{manualHint}</Text>
          <Button className={`${name}-submit`} type={camera ? 'default' : 'primary'} block loading={busy} disabled={busy} onClick={submit}>
            提交
          </Button>
        </View>
      ) : null}
      {error ? <Text className={`qr-entry__error ${name}-entry-error`}>{error}</Text> : null}
    </View>
  );
}
