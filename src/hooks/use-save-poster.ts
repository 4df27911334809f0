// 保存海报 with what the user is told: downloaded (h5) or saved to the album, the way to the album permission when it
// was refused, a retry hint when drawing failed; one save at a time.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { savePoster, type PosterInfo } from '../device/poster';

export function useSavePoster(): { saving: boolean; save: (info: PosterInfo) => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const save = async (info: PosterInfo) => {
    if (saving) return;
    setSaving(true);
    try {
      await savePoster(info);
      void Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? '海报已下载' : '海报已保存到相册', icon: 'none' });
    } catch (e) {
      const msg = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '');
      if (/auth|deny|denied/i.test(msg)) {
        const { confirm } = await Taro.showModal({
          title: '无法保存到相册',
          content: '请允许“保存到相册”后重试',
          confirmText: '去设置',
          cancelText: '取消',
        });
        if (confirm) Taro.openSetting().catch(() => undefined);
      } else if (!/cancel/i.test(msg)) {
        void Taro.showToast({ title: '海报保存失败，请重试', icon: 'none' });
      }
    } finally {
      setSaving(false);
    }
  };
  return { saving, save };
}
