// A need as its caller may see it: the contact phone whole for the 需求方 and the team handling it, masked for the
// rest; progress from the linked activity; the steps the caller may take now. Who may see it at all is decided here.
import { maskPhone } from '@contract/id-number';
import type { NeedView } from '@contract/need';
import type { PhotoView } from '@contract/photo';
import { openPhone } from '../../adapters/pii-cipher';
import { findActivitiesByIds } from '../../db/activity.repository';
import { findOrgsByIds, managerGrants, type OrgDoc } from '../../db/org.repository';
import type { NeedDoc } from '../../db/need.repository';
import { canManage, type Grant } from '../../domain/org-access';
import { activitySpan, phaseAt, type Schedule } from '../../domain/activity-phase';
import { mayChangePhotos, mayRate, mayStep, needProgress, type LinkedActivity } from '../../domain/need';
import { toIso } from '../../domain/shanghai-time';
import { albumViews } from '../picture';

/** The caller as the need rules see them: their openid, their leader/admin teams (with path), and which of those allow self-service. */
export interface NeedViewer {
  openid: string;
  grants: Grant[];
  /** The teams the caller manages, with their ancestors (for self-service). */
  teams: OrgDoc[];
}

export async function needViewer(openid: string): Promise<NeedViewer> {
  const grants = await managerGrants(openid);
  const teams = await findOrgsByIds(grants.filter((g) => g.role !== 'member').map((g) => g.orgId));
  return { openid, grants, teams: teams.filter((t) => t.status === 'approved') };
}

const manages = (v: NeedViewer, orgId: string | undefined) => !!orgId && canManage(v.grants, { _id: orgId });

/** Manages the covering team or one above it: dispatches and closes. */
export const coversFor = (v: NeedViewer, n: NeedDoc) => n.coveringPath.some((id) => manages(v, id));
/** Manages the team it was dispatched to: accepts, declines, publishes its activity. */
export const handles = (v: NeedViewer, n: NeedDoc) => manages(v, n.assignedOrgId);
/** The caller's teams that may take it from 需求广场: the covering team or one below it, when the covering team allows it. */
export const takingTeams = (v: NeedViewer, n: NeedDoc, coveringAllows: boolean): OrgDoc[] =>
  coveringAllows ? v.teams.filter((t) => t._id === n.coveringOrgId || t.path.includes(n.coveringOrgId)) : [];

/** The linked activities of these needs, as progress needs them. */
export async function linkedActivities(needs: readonly Pick<NeedDoc, 'activityId'>[], now: Date): Promise<Map<string, LinkedActivity>> {
  const ids = needs.map((n) => n.activityId).filter((id): id is string => !!id);
  const found = await findActivitiesByIds([...new Set(ids)]);
  return linkedFrom(found, now);
}

/** Linked activities (by id) as progress needs them: their phase now and their end. */
export const linkedFrom = (found: readonly (Schedule & { _id: string })[], now: Date): Map<string, LinkedActivity> =>
  new Map(found.map((a) => [a._id, { phase: phaseAt(a, now), endAt: activitySpan(a).endAt }]));

export function needView(
  n: NeedDoc,
  v: NeedViewer | undefined,
  activity: LinkedActivity | undefined,
  now: Date,
  selfService = false,
  photos: PhotoView[] = [],
): NeedView {
  const requester = v?.openid === n.requesterOpenid;
  const covering = !!v && coversFor(v, n);
  const handling = !!v && handles(v, n);
  const phone = openPhone(n);
  // The team handling it: the one it was dispatched to, or, before that, the covering team itself.
  const seesPhone = requester || handling || (!!v && !n.assignedOrgId && manages(v, n.coveringOrgId));
  return {
    needId: n._id,
    requesterKind: n.requesterKind,
    ...(n.requesterName ? { requesterName: n.requesterName } : {}),
    category: n.category,
    title: n.title,
    description: n.description,
    region: n.region,
    address: n.address,
    ...(n.location ? { location: n.location } : {}),
    preferredFrom: n.preferredFrom,
    preferredTo: n.preferredTo,
    audienceSize: n.audienceSize,
    contactName: n.contactName,
    contactPhone: seesPhone ? phone : maskPhone(phone),
    status: n.status,
    progress: needProgress(n.status, activity, now),
    coveringOrgId: n.coveringOrgId,
    coveringOrgName: n.coveringOrgName,
    ...(n.assignedOrgId ? { assignedOrgId: n.assignedOrgId, assignedOrgName: n.assignedOrgName } : {}),
    ...(n.activityId ? { activityId: n.activityId } : {}),
    ...(n.closeReason ? { closeReason: n.closeReason } : {}),
    ...(n.rating ? { rating: { ...n.rating, ratedAt: toIso(new Date(n.rating.ratedAt)) } } : {}),
    postedAt: toIso(new Date(n.postedAt)),
    history: n.history.map(({ by: _by, ...s }) => ({ ...s, at: toIso(new Date(s.at)) })),
    photos,
    can: {
      dispatch: covering && mayStep('dispatch', n.status),
      close: covering && mayStep('close', n.status),
      accept: handling && mayStep('accept', n.status),
      decline: handling && mayStep('decline', n.status),
      take: !!v && mayStep('take', n.status) && takingTeams(v, n, selfService).length > 0,
      rate: requester && mayRate(n.status, activity, now),
      photos: requester && mayChangePhotos(n.status),
    },
  };
}

/**
 * Needs as the caller sees them, with their linked activities' progress and their 现场照片: one read of the activities
 * and one storage call for every photo of the answer (none without photos). `selfService` tells, per need, whether the
 * caller's teams may take it.
 */
export async function needViews(
  items: readonly NeedDoc[],
  v: NeedViewer,
  now: Date,
  selfService: (n: NeedDoc) => boolean = () => false,
): Promise<NeedView[]> {
  const [linked, photos] = await Promise.all([linkedActivities(items, now), albumViews(items)]);
  return items.map((n, i) => needView(n, v, n.activityId ? linked.get(n.activityId) : undefined, now, selfService(n), photos[i]));
}

/** Whether the caller may see the need at all: the 需求方, the teams covering or handling it, a team that may take it. */
export const maySee = (n: NeedDoc, v: NeedViewer, selfService: boolean): boolean =>
  v.openid === n.requesterOpenid || coversFor(v, n) || handles(v, n) || takingTeams(v, n, selfService).length > 0;
