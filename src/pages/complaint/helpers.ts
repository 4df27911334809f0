// Pure logic of 投诉: the form's state, its rows (validated by the shared contract OrgComplainInput, the server's own
// schema), and where refusals go.
import { OrgComplainInput, type ComplaintCategory, type ComplaintTargetInput } from '@contract/complaint';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';

export type ComplaintForm = {
  category: ComplaintCategory | '';
  content: string;
  contactName: string;
  phone: string;
  smsCode: string;
  anonymousToTeam: boolean;
};

export const newComplaintForm = (): ComplaintForm => ({
  category: '',
  content: '',
  contactName: '',
  phone: '',
  smsCode: '',
  anonymousToTeam: false,
});

export const COMPLAINT_FIELDS = ['category', 'content', 'contactName', 'phone', 'smsCode'] as const;
export type ComplaintFieldKey = (typeof COMPLAINT_FIELDS)[number];

export const COMPLAINT_SPEC: FormSpec<ComplaintFieldKey> = {
  order: COMPLAINT_FIELDS,
  always: ['category'],
  hints: {
    category: '请选择投诉类别',
    content: '请填写投诉内容（10-1000字）',
    contactName: '请填写联系人',
    phone: '请输入11位手机号',
    smsCode: '验证码为6位数字',
  },
  codes: {
    'SMS.CODE_INVALID': { field: 'smsCode' },
    'SMS.CODE_EXPIRED': { field: 'smsCode' },
    'SMS.TOO_MANY_ATTEMPTS': { field: 'smsCode' },
    'COMPLAINT.DAILY_LIMIT': { field: 'phone' },
  },
};

/** The page's target from its query: a team or an activity, or none. */
export function targetOf(params: { orgId?: string; activityId?: string }): ComplaintTargetInput | undefined {
  if (params.activityId) return { activityId: params.activityId };
  if (params.orgId) return { orgId: params.orgId };
  return undefined;
}

export function validateComplaint(form: ComplaintForm, target: ComplaintTargetInput): Checked<OrgComplainInput, ComplaintFieldKey> {
  return checkForm(COMPLAINT_SPEC, OrgComplainInput, {
    target,
    category: form.category || undefined,
    content: form.content,
    contactName: form.contactName,
    phone: form.phone.trim(),
    smsCode: form.smsCode.trim(),
    anonymousToTeam: form.anonymousToTeam,
  });
}
