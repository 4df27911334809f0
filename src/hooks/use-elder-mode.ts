// 长辈模式 as React state: the switch on 我的 reads and sets it; App re-applies it after every render.
import { useSyncExternalStore } from 'react';
import { elderMode, setElderMode, subscribeElderMode } from '../device/elder-mode';

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribeElderMode, elderMode, elderMode);
  return [on, setElderMode];
}
