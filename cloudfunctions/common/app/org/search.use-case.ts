// org.search: approved teams by keyword, region and parent, for the registration form and team search.
import type { OrgSearchInput, OrgSearchOutput } from '../../../../types/org';
import type { Ctx } from '../../handler';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import type { OrgDoc } from '../../db/org.repository';
import { orgView } from './org-view';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function searchOrgs(input: OrgSearchInput, _ctx: Ctx): Promise<OrgSearchOutput> {
  const db = database();
  const _ = db.command;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const conditions: object[] = [{ status: 'approved' }];
  if (input.keyword) conditions.push({ name: db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' }) });
  if (input.regionCode) conditions.push(_.or([{ 'region.province': input.regionCode }, { 'region.city': input.regionCode }, { 'region.county': input.regionCode }]));
  if (input.parentId) conditions.push({ parentId: input.parentId });
  const where = _.and(conditions);
  const coll = db.collection(C.orgs);
  const [list, count] = await Promise.all([
    unwrap(coll.where(where).orderBy('createdAt', 'asc').skip((page - 1) * pageSize).limit(pageSize).get()),
    unwrap(coll.where(where).count()),
  ]);
  return { items: (list.data as OrgDoc[]).map((o) => orgView(o)), total: count.total, page };
}
