// Loads "me" whenever the page shows: registered, not yet registered, or failed (with retry).
import { me } from '../services/user';
import { useResource } from './use-resource';
import type { UserMeOutput } from '@contract/user';

export type MeState =
  | { status: 'loading' }
  | { status: 'unregistered' }
  | { status: 'ready'; data: UserMeOutput }
  | { status: 'error'; message: string };

export function useMe(): { state: MeState; reload: () => void } {
  // Not kept on show: 我的 remounts its sections on every show, which is how their badges stay fresh.
  const { state, reload } = useResource(me, [], { when: 'show' });
  const meState: MeState =
    state.status === 'error'
      ? state.error.code === 'USER.NOT_REGISTERED'
        ? { status: 'unregistered' }
        : { status: 'error', message: state.error.message }
      : state.status === 'loading'
        ? state
        : { status: 'ready', data: state.data };
  return { state: meState, reload };
}
