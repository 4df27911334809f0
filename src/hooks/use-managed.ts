// The teams I lead or administer and the size of my approvals inbox, for the 管理 section of 我的.
import { useCallback, useEffect, useRef, useState } from 'react';
import { inbox, managedOrgs } from '../services/org';
import { toCloudError } from '../services/cloud-error';
import type { OrgManagedOutput } from '../../types/org';

export type ManagedState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `pending` is null while the inbox loads or when it failed (the section still shows the teams). */
  | { status: 'ready'; items: OrgManagedOutput['items']; pending: number | null };

export function useManaged(): { managed: ManagedState; reload: () => void } {
  const [managed, setManaged] = useState<ManagedState>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setManaged({ status: 'loading' });
    managedOrgs().then(
      ({ items }) => {
        if (ticket !== latest.current) return;
        setManaged({ status: 'ready', items, pending: null });
        if (items.length === 0) return;
        inbox().then(
          (res) => ticket === latest.current && setManaged({ status: 'ready', items, pending: res.counts.total }),
          () => undefined,
        );
      },
      (e: unknown) => ticket === latest.current && setManaged({ status: 'error', message: toCloudError(e).message }),
    );
  }, []);

  // 我的 remounts its profile on every show (useMe reloads), so loading on mount keeps the badge fresh.
  useEffect(reload, [reload]);
  return { managed, reload };
}
