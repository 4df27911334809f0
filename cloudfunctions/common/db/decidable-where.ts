// The where-clause of the cases a manager decides under four-eyes (domain/four-eyes Decides): what org.inbox lists of
// team applications and correction requests is exactly what org.review and checkin.reviewCorrection would accept.
import { database } from '../cloud';
import type { Decides } from '../domain/four-eyes';

/**
 * A where-clause matching the cases `decides` covers, with `teamField` naming the deciding team and `personField` the
 * concerned person in the collection (corrections: orgId/openid; team applications: parentId/applicantOpenid).
 */
export function decidableWhere(decides: readonly Decides[], teamField: string, personField: string): object | undefined {
  if (decides.length === 0) return undefined;
  const _ = database().command;
  // Teams with the same rule share one clause: all of the caller's own teams are one, each child left to them another.
  const groups = new Map<string, { ids: string[]; person: object | undefined }>();
  for (const d of decides) {
    const key = 'only' in d ? `only:${[...d.only].sort().join(',')}` : `except:${[...d.except].sort().join(',')}`;
    const person = 'only' in d ? _.in(d.only) : d.except.length > 0 ? _.nin(d.except) : undefined;
    const group = groups.get(key) ?? { ids: [], person };
    group.ids.push(d.team._id);
    groups.set(key, group);
  }
  const clauses = [...groups.values()].map((g) => ({ [teamField]: _.in(g.ids), ...(g.person ? { [personField]: g.person } : {}) }));
  return clauses.length === 1 ? clauses[0] : _.or(clauses);
}

/** The pending cases among those `decides` covers, or undefined when it covers none. */
export function pendingDecidable(decides: readonly Decides[], teamField: string, personField: string): object | undefined {
  const decidable = decidableWhere(decides, teamField, personField);
  return decidable ? database().command.and([{ status: 'pending' }, decidable]) : undefined;
}
