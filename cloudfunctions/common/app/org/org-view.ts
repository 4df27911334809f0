// The org as answers show it (dates as ISO strings).
import type { Org } from '../../../../types/org';
import type { OrgDoc } from '../../db/org.repository';
import { toIso } from '../../domain/shanghai-time';

export function orgView(doc: OrgDoc): Org {
  return {
    _id: doc._id,
    name: doc.name,
    level: doc.level,
    parentId: doc.parentId,
    path: doc.path,
    region: doc.region,
    intro: doc.intro,
    status: doc.status,
    leaderOpenid: doc.leaderOpenid,
    createdAt: toIso(doc.createdAt),
  };
}
