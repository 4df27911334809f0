// Runs `fn` whenever the page shows again after being hidden, never on the show that comes with the mount (the mount
// loads anyway). A component mounted after its page showed sees no show until the page was hidden, so it is not skipped.
import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useLatest } from './use-resource';

export function useDidReshow(fn: () => void): void {
  const fnRef = useLatest(fn);
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    fnRef.current();
  });
}
