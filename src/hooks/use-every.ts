// Runs `tick` every `ms` while `active` and the page is shown (a live count on the day); paused while hidden, and run
// once at once when the page shows again.
import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useLatest } from './use-resource';

export function useEvery(ms: number, tick: () => void, active: boolean): void {
  const tickRef = useLatest(tick);
  const [shown, setShown] = useState(true);
  const first = useRef(true);
  useDidHide(() => setShown(false));
  useDidShow(() => {
    // The first show comes with the mount, which loads anyway.
    if (first.current) {
      first.current = false;
      return;
    }
    setShown(true);
    if (active) tickRef.current();
  });
  useEffect(() => {
    if (!active || !shown) return undefined;
    const timer = setInterval(() => tickRef.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active, shown, tickRef]);
}
