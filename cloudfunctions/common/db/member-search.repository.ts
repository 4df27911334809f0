// 成员管理 at scale: a team's memberships filtered by role, join dates, a name (joined to the volunteer) and recent day
// records (joined to checkin_days), cut into pages by the database; and the credited minutes of a page of members in one
// grouped read. Each answer is a fixed number of requests, whatever the team's size (no read per member).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { MembershipDoc } from './org.repository';
import { openPhone } from '../adapters/pii-cipher';
import type { MembershipStatus, Role } from '@contract/enums';

export interface MemberFilter {
  orgId: string;
  status?: MembershipStatus;
  role?: Role;
  /** The one volunteer a whole phone named (by its blind index). */
  openid?: string;
  /** Part of the real name, taken literally. */
  name?: string;
  /** Approved (applied, when never reviewed) within these instants (`before` exclusive). */
  joined?: { from?: Date; before?: Date };
  /** A day record of the team dated within these Asia/Shanghai dates. */
  activeWithin?: { from: string; to: string };
}

/** Ids per `_.in` condition, as the reports cut them. */
const IN_CHUNK = 100;
/** The server's largest page. */
const PAGE = 1000;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The filtering stages, newest application first (the order org.members has always had). */
function filtered(f: MemberFilter, withPerson: boolean) {
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const own: Record<string, unknown> = { orgId: f.orgId };
  if (f.status) own.status = f.status;
  if (f.role) own.role = f.role;
  if (f.openid) own.openid = f.openid;
  let where: unknown = own;
  if (f.joined) {
    const bounds = [...(f.joined.from ? [_.gte(f.joined.from)] : []), ...(f.joined.before ? [_.lt(f.joined.before)] : [])];
    const span = bounds.length === 1 ? bounds[0] : _.and(bounds);
    where = _.and([own, _.or([{ reviewedAt: span }, { reviewedAt: _.exists(false), appliedAt: span }])]);
  }
  let agg = db.collection(C.memberships).aggregate().match(where);
  if (f.activeWithin) {
    // One record is enough: the sub-pipeline stops at the first (checkin_days is indexed by openid+date).
    agg = agg
      .lookup({
        from: C.dayRecords,
        let: { who: '$openid' },
        pipeline: $.pipeline()
          .match(
            _.expr(
              $.and([
                $.eq(['$openid', '$$who']),
                $.eq(['$orgId', f.orgId]),
                $.gte(['$date', f.activeWithin.from]),
                $.lte(['$date', f.activeWithin.to]),
              ]),
            ),
          )
          .limit(1)
          .project({ _id: 1 })
          .done(),
        as: 'recent',
      })
      .match({ recent: _.size(1) });
  }
  if (f.name || withPerson) {
    agg = agg.lookup({
      from: C.volunteers,
      let: { who: '$openid' },
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', '$$who'])))
        .project({ realName: 1, phoneEnc: 1 })
        .done(),
      as: 'person',
    });
  }
  if (f.name) agg = agg.match({ 'person.realName': db.RegExp({ regexp: escapeRegExp(f.name), options: 'i' }) });
  return agg;
}

const MEMBERSHIP_FIELDS = { orgId: 1, openid: 1, status: 1, role: 1, appliedAt: 1, reviewedAt: 1, reviewedBy: 1, reason: 1 };

/** One page of the filtered memberships and how many there are in all: two requests. */
export async function pageFilteredMembers(
  f: MemberFilter,
  page: number,
  pageSize: number,
): Promise<{ items: MembershipDoc[]; total: number }> {
  const [list, count] = await Promise.all([
    unwrap(
      filtered(f, false)
        .sort({ appliedAt: -1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .project(MEMBERSHIP_FIELDS)
        .end(),
    ),
    unwrap(filtered(f, false).count('n').end()),
  ]);
  const rows = (count as { data?: { n: number }[] }).data ?? [];
  return { items: ((list as { data?: MembershipDoc[] }).data ?? []).map(dated), total: rows[0]?.n ?? 0 };
}

/** Every filtered membership, in list order: one request per 1000. */
export async function allFilteredMembers(f: MemberFilter): Promise<MembershipDoc[]> {
  const out: MembershipDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await unwrap(filtered(f, false).sort({ appliedAt: -1, _id: 1 }).skip(skip).limit(PAGE).project(MEMBERSHIP_FIELDS).end());
    const rows = (res as { data?: MembershipDoc[] }).data ?? [];
    out.push(...rows.map(dated));
    if (rows.length < PAGE) return out;
  }
}

/**
 * Every filtered membership with the member's phone opened (a search by a phone's last digits, which no index can
 * answer: the phone is stored encrypted): one request per 1000 members, decrypted here, never answered as such.
 */
export async function allFilteredMembersWithPhones(f: MemberFilter): Promise<{ membership: MembershipDoc; phone: string }[]> {
  const out: { membership: MembershipDoc; phone: string }[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await unwrap(
      filtered(f, true)
        .sort({ appliedAt: -1, _id: 1 })
        .skip(skip)
        .limit(PAGE)
        .project({ ...MEMBERSHIP_FIELDS, person: 1 })
        .end(),
    );
    const rows = (res as { data?: (MembershipDoc & { person?: { phoneEnc?: string }[] })[] }).data ?? [];
    for (const { person, ...m } of rows) out.push({ membership: dated(m), phone: person?.[0] ? openPhone(person[0]) : '' });
    if (rows.length < PAGE) return out;
  }
}

/** Dates as Date whether the SDK answered them as Date or as EJSON-decoded values. */
function dated(m: MembershipDoc): MembershipDoc {
  return {
    ...m,
    appliedAt: new Date(m.appliedAt),
    ...(m.reviewedAt ? { reviewedAt: new Date(m.reviewedAt) } : {}),
  };
}

/**
 * Credited minutes of each of `openids` with the team's activities dated within the span: one grouped read per 100
 * people. Days of a cancelled activity count nothing (as 我的时长 counts them); people without a record are absent.
 */
export async function creditedMinutesWithTeam(
  orgId: string,
  openids: readonly string[],
  span: { from: string; to: string },
): Promise<Map<string, number>> {
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const ids = [...new Set(openids)];
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const res = await unwrap(
      db
        .collection(C.dayRecords)
        .aggregate()
        .match({ orgId, openid: _.in(chunk), date: _.and([_.gte(span.from), _.lte(span.to)]) })
        .group({ _id: { openid: '$openid', activityId: '$activityId' }, minutes: $.sum('$minutes') })
        .lookup({
          from: C.activities,
          let: { id: '$_id.activityId' },
          pipeline: $.pipeline()
            .match(_.expr($.eq(['$_id', '$$id'])))
            .project({ status: 1 })
            .done(),
          as: 'activity',
        })
        .match({ 'activity.status': _.neq('cancelled') })
        .group({ _id: '$_id.openid', minutes: $.sum('$minutes') })
        .limit(chunk.length)
        .end(),
    );
    for (const r of (res as { data?: { _id: string; minutes: number | null }[] }).data ?? []) out.set(r._id, r.minutes ?? 0);
  }
  return out;
}
