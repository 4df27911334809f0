// 身份冲突 appeals as answers show them: to the appellant their own (phone masked), to the root admins both people
// with phones in full (they call them to verify who holds the card); the ID number always masked.
import type { AppealForReview, MyAppeal } from '@contract/user';
import { maskPhone } from '@contract/id-number';
import type { AppealDoc } from '../../db/appeal.repository';
import type { VolunteerDoc } from '../../db/volunteer.repository';
import { toIso } from '../../domain/shanghai-time';
import { openPhone } from '../../adapters/pii-cipher';

export function myAppealView(a: AppealDoc): MyAppeal {
  return {
    appealId: a._id,
    status: a.status,
    realName: a.realName,
    idNumberMasked: a.idNumberMasked,
    phoneMasked: maskPhone(openPhone(a)),
    statement: a.statement,
    createdAt: toIso(a.createdAt),
    ...(a.decidedAt ? { decidedAt: toIso(a.decidedAt) } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
  };
}

export function appealForReview(a: AppealDoc, holder: VolunteerDoc | undefined, decidedByName?: string): AppealForReview {
  return {
    ...myAppealView(a),
    appellantPhone: openPhone(a),
    ...(holder
      ? {
          holder: {
            realName: holder.realName,
            phone: openPhone(holder),
            volunteerNo: holder.volunteerNo,
            registeredAt: toIso(holder.registeredAt),
          },
        }
      : {}),
    ...(decidedByName ? { decidedByName } : {}),
  };
}
