// Loads "me" whenever the page shows: registered, not yet registered, or failed (with retry).
import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { me } from '../services/user';
import { toCloudError } from '../services/cloud-error';
import type { UserMeOutput } from '../../types/user';

export type MeState =
  | { status: 'loading' }
  | { status: 'unregistered' }
  | { status: 'ready'; data: UserMeOutput }
  | { status: 'error'; message: string };

export function useMe(): { state: MeState; reload: () => void } {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    me().then(
      (data) => ticket === latest.current && setState({ status: 'ready', data }),
      (e: unknown) => {
        if (ticket !== latest.current) return;
        const err = toCloudError(e);
        setState(err.code === 'USER.NOT_REGISTERED' ? { status: 'unregistered' } : { status: 'error', message: err.message });
      },
    );
  }, []);

  useDidShow(reload);
  return { state, reload };
}
