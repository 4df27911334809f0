// org.search: approved teams by keyword, region and parent, for the registration form and team search.
import type { OrgSearchInput, OrgSearchOutput } from '@contract/org';
import type { Ctx } from '../../handler';
import { searchApprovedOrgs } from '../../db/org.repository';
import { orgView } from './org-view';

export async function searchOrgs(input: OrgSearchInput, _ctx: Ctx): Promise<OrgSearchOutput> {
  const page = input.page ?? 1;
  const { items, total } = await searchApprovedOrgs(input, page, input.pageSize ?? 20);
  return { items: items.map((o) => orgView(o)), total, page };
}
