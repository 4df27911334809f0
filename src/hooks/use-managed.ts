// The teams I lead or administer and the size of my approvals inbox, for the 管理 section of 我的.
import { inbox, managedOrgs } from '../services/org';
import { hasData, useResource } from './use-resource';
import type { OrgManagedOutput } from '@contract/org';

export type ManagedState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `pending` is null while the inbox loads or when it failed (the section still shows the teams). */
  | { status: 'ready'; items: OrgManagedOutput['items']; pending: number | null };

export function useManaged(): { managed: ManagedState; reload: () => void } {
  // 我的 remounts its profile on every show (useMe reloads), so loading on mount keeps the badge fresh.
  const orgs = useResource(managedOrgs);
  const items = hasData(orgs.state) ? orgs.state.data.items : null;
  // The inbox is asked after the teams, and only of someone who manages one.
  const box = useResource(items && items.length > 0 ? inbox : null, [items]);
  if (orgs.state.status === 'loading') return { managed: orgs.state, reload: orgs.reload };
  if (orgs.state.status === 'error') return { managed: { status: 'error', message: orgs.state.error.message }, reload: orgs.reload };
  const pending = items && items.length > 0 && box.state.status === 'ready' ? box.state.data.counts.total : null;
  return { managed: { status: 'ready', items: orgs.state.data.items, pending }, reload: orgs.reload };
}
