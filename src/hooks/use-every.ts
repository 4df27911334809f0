// Runs `tick` every `ms` while `active` and the page is shown (a live count on the day); paused while hidden, and run
// once at once when the page shows again.
import { useEffect, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import { useLatest } from './use-resource';
import { useDidReshow } from './use-did-reshow';

export function useEvery(ms: number, tick: () => void, active: boolean): void {
  const tickRef = useLatest(tick);
  const [shown, setShown] = useState(true);
  useDidHide(() => setShown(false));
  useDidReshow(() => {
    setShown(true);
    if (active) tickRef.current();
  });
  useEffect(() => {
    if (!active || !shown) return undefined;
    const timer = setInterval(() => tickRef.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active, shown, tickRef]);
}
