// The org and the membership as answers show them (dates as ISO strings, the contact phone masked unless allowed).
import type { Membership, Org } from '@contract/org';
import { maskPhone } from '@contract/id-number';
import type { MembershipDoc, OrgDoc } from '../../db/org.repository';
import { toIso } from '../../domain/shanghai-time';

/** `showContact`: the caller manages the team or applied for it; everyone else sees 139****0011. */
export function orgView(doc: OrgDoc, opts: { showContact?: boolean } = {}): Org {
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
    rejectReason: doc.status === 'rejected' ? doc.rejectReason : undefined,
    serviceCategories: doc.serviceCategories,
    contactName: doc.contactName,
    contactPhone: doc.contactPhone === undefined ? undefined : opts.showContact ? doc.contactPhone : maskPhone(doc.contactPhone),
    registeredWithCivilAffairs: doc.registeredWithCivilAffairs,
    supervisorType: doc.supervisorType,
    foundedAt: doc.foundedAt,
    createdAt: toIso(doc.createdAt),
  };
}

export function membershipView(doc: MembershipDoc): Membership {
  return {
    memberId: doc._id,
    orgId: doc.orgId,
    openid: doc.openid,
    status: doc.status,
    role: doc.role,
    appliedAt: toIso(doc.appliedAt),
    reviewedAt: doc.reviewedAt ? toIso(doc.reviewedAt) : undefined,
    reason: doc.reason,
  };
}
