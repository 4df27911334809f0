// org function contract: the 总队—支队—分队 tree, its teams and their public search.
import { z } from 'zod';
import { IsoTimeSchema, ListInput, RegionSchema, listOf } from './common';
import { ORG_LEVELS, ORG_STATUSES } from './enums';

export const Org = z.object({
  _id: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().nullable(),
  /** ids from the root down to the parent: ancestors of this team. */
  path: z.array(z.string()),
  region: RegionSchema,
  intro: z.string().optional(),
  status: z.enum(ORG_STATUSES),
  leaderOpenid: z.string().optional(),
  createdAt: IsoTimeSchema,
});
export type Org = z.infer<typeof Org>;

export const OrgBootstrapRootInput = z.object({
  name: z.string().trim().min(2).max(40),
  region: RegionSchema,
  bootstrapToken: z.string().min(1),
});
export type OrgBootstrapRootInput = z.infer<typeof OrgBootstrapRootInput>;
export const OrgBootstrapRootOutput = z.object({ org: Org });

export const OrgSearchInput = ListInput.extend({
  keyword: z.string().trim().max(40).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  parentId: z.string().optional(),
});
export type OrgSearchInput = z.infer<typeof OrgSearchInput>;
export const OrgSearchOutput = listOf(Org);
export type OrgSearchOutput = z.infer<typeof OrgSearchOutput>;
