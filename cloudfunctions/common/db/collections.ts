// Every collection and unique index, declared once: the emulator enforces them and the deploy step creates them.
export interface CollectionSpec {
  name: string;
  indexes?: { fields: string[]; unique?: boolean }[];
}

export const C = {
  volunteers: 'volunteers',
  smsCodes: 'sms_codes',
  smsQuota: 'sms_quota',
  orgs: 'orgs',
  memberships: 'memberships',
  settings: 'settings',
  dayRecords: 'checkin_days',
  invitations: 'invitations',
  activities: 'activities',
  enrollments: 'enrollments',
  corrections: 'checkin_corrections',
  certificates: 'certificates',
  devSms: '_dev_sms',
  devMessages: '_dev_messages',
} as const;

export const collectionSpecs: CollectionSpec[] = [
  {
    name: C.volunteers,
    indexes: [
      { fields: ['phone'], unique: true },
      { fields: ['idNumberHash'], unique: true },
      { fields: ['volunteerNo'], unique: true },
    ],
  },
  { name: C.smsCodes },
  { name: C.smsQuota },
  { name: C.orgs, indexes: [{ fields: ['name'], unique: true }, { fields: ['parentId'] }, { fields: ['status'] }] },
  { name: C.memberships, indexes: [{ fields: ['openid'] }, { fields: ['orgId', 'status'] }] },
  { name: C.settings },
  { name: C.invitations, indexes: [{ fields: ['phone'] }, { fields: ['orgId'] }] },
  { name: C.activities, indexes: [{ fields: ['orgId', 'createdAt'] }, { fields: ['status', 'startAt'] }, { fields: ['region.city'] }] },
  { name: C.enrollments, indexes: [{ fields: ['activityId', 'status', 'queuedAt'] }, { fields: ['openid'] }] },
  { name: C.corrections, indexes: [{ fields: ['orgId', 'status'] }, { fields: ['openid'] }] },
  { name: C.dayRecords, indexes: [{ fields: ['openid', 'date'] }, { fields: ['activityId', 'date'] }] },
  { name: C.certificates, indexes: [{ fields: ['certificateNo'], unique: true }, { fields: ['openid', 'issuedAt'] }] },
  { name: C.devSms, indexes: [{ fields: ['phone'] }] },
  { name: C.devMessages, indexes: [{ fields: ['openid'] }] },
];
