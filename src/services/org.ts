// Volunteer teams: public search of approved teams.
import { callFunction } from './cloud';
import type { OrgSearchInput, OrgSearchOutput } from '../../types/org';

export function searchOrgs(params: OrgSearchInput = {}): Promise<OrgSearchOutput> {
  return callFunction('org', 'search', params);
}
