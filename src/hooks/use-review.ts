// One item of a review list decided: 通过 after a confirm dialog, 驳回 with a reason from the reason sheet (which shows
// a refusal itself). Says which item is busy and which one the sheet is open for, and reloads the list after each.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { toCloudError } from '../services/cloud-error';

export type ReviewDecide<T> = (item: T, decision: 'approve' | 'reject', reason?: string) => Promise<unknown>;

export function useReview<T>(idOf: (item: T) => string, decide: ReviewDecide<T>, reload: () => void) {
  const [busyId, setBusyId] = useState('');
  const [rejecting, setRejecting] = useState<T | null>(null);

  /** Asks first (`title`, `content`), then approves; a refusal shows as a toast. */
  const approve = async (item: T, ask: { title: string; content: string }) => {
    const { confirm } = await Taro.showModal({ ...ask, confirmText: '通过', cancelText: '取消' });
    if (!confirm) return;
    setBusyId(idOf(item));
    try {
      await decide(item, 'approve');
      void Taro.showToast({ title: '已通过', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 });
    } finally {
      setBusyId('');
      reload();
    }
  };

  /** The reason sheet's confirm: a refusal is thrown back to the sheet, which shows it. */
  const reject = async (reason: string) => {
    if (!rejecting) return;
    await decide(rejecting, 'reject', reason);
    setRejecting(null);
    void Taro.showToast({ title: '已驳回', icon: 'none' });
    reload();
  };

  return { busyId, rejecting, setRejecting, approve, reject };
}
