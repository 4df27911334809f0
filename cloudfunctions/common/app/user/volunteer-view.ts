// The volunteer as every answer shows it: masked phone and ID, nothing encrypted or hashed; frozen said plainly.
import type { Volunteer } from '@contract/user';
import { maskPhone } from '@contract/id-number';
import type { VolunteerDoc } from '../../db/volunteer.repository';
import { toIso } from '../../domain/shanghai-time';
import { openPhone } from '../../adapters/pii-cipher';

export function volunteerView(doc: VolunteerDoc): Volunteer {
  return {
    openid: doc.openid,
    volunteerNo: doc.volunteerNo,
    realName: doc.realName,
    gender: doc.gender,
    phoneMasked: maskPhone(openPhone(doc)),
    idNumberMasked: doc.idNumberMasked,
    birthDate: doc.birthDate,
    education: doc.education,
    employer: doc.employer,
    title: doc.title,
    region: doc.region,
    serviceCategories: doc.serviceCategories,
    skills: doc.skills,
    politicalStatus: doc.politicalStatus,
    ethnicity: doc.ethnicity,
    occupation: doc.occupation,
    serviceFields: doc.serviceFields,
    availableTimes: doc.availableTimes,
    fourHeads: doc.fourHeads,
    ...(doc.nationalVolunteerId ? { nationalVolunteerId: doc.nationalVolunteerId } : {}),
    registeredAt: toIso(doc.registeredAt),
    status: doc.status === 'frozen' ? 'frozen' : 'active',
    ...(doc.frozenAt ? { frozenAt: toIso(doc.frozenAt) } : {}),
  };
}
