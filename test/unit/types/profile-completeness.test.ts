// 资料完整度: the required part counts as half; each field registration leaves for later fills the rest.
import { PROFILE_LATER_FIELDS, profileCompleteness, type Volunteer } from '@contract/user';

const base: Volunteer = {
  openid: 'o',
  volunteerNo: 'KJ202600000001',
  realName: '周晓明',
  gender: 'male',
  phoneMasked: '139****5678',
  idNumberMasked: '620102********0011',
  birthDate: '1991-03-05',
  education: '本科',
  region: { province: '620000', city: '620100', county: '620102' },
  serviceCategories: ['科普报告'],
  registeredAt: '2026-12-01T10:00:00+08:00',
  status: 'active',
};

it('a fresh registration is half complete and names what is missing, in order', () => {
  expect(profileCompleteness(base)).toEqual({ percent: 50, missing: PROFILE_LATER_FIELDS.map(([, label]) => label) });
});

it('empty text and empty lists count as missing; filled ones raise the share', () => {
  const some = { ...base, employer: '兰州大学', title: '  ', skills: '果树栽培', serviceFields: [], availableTimes: ['周末' as const] };
  const r = profileCompleteness(some);
  expect(r.missing).toEqual(['职称', '政治面貌', '民族', '从业类别', '服务领域']);
  expect(r.percent).toBe(69);
});

it('a complete profile is 100% with nothing missing', () => {
  const full: Volunteer = {
    ...base,
    employer: '兰州大学',
    title: '教授',
    politicalStatus: '群众',
    ethnicity: '汉族',
    occupation: '事业单位',
    skills: '果树栽培',
    serviceFields: ['农技服务类'],
    availableTimes: ['周末'],
  };
  expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [] });
});
