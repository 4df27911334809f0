// Pure logic of 身份核验申请: the hand-off from the register page (kept in memory: an ID number never rides in a URL
// or in storage), validation by the shared contract, and where a server error belongs.
import { UserAppealIdentityInput } from '@contract/user';
import { checkForm, explainError, type Checked, type FormSpec } from '../../hooks/form-spec';

export type AppealForm = { phone: string; smsCode: string; realName: string; idNumber: string; statement: string };
export type AppealField = keyof AppealForm;
export type AppealErrors = Partial<Record<AppealField, string>>;

export const EMPTY_APPEAL: AppealForm = { phone: '', smsCode: '', realName: '', idNumber: '', statement: '' };
const FIELDS: readonly AppealField[] = ['phone', 'smsCode', 'realName', 'idNumber', 'statement'];

let draft: Partial<AppealForm> | undefined;

/** What the register page hands over when it was told USER.ID_NUMBER_TAKEN (its unused SMS code included). */
export function handAppealDraft(d: Partial<AppealForm>): void {
  draft = d;
}

/** The hand-off, once: a later visit starts empty. */
export function takeAppealDraft(): AppealForm {
  const d = draft;
  draft = undefined;
  return { ...EMPTY_APPEAL, ...d };
}

/** The rows of the form; the contract's own words are shown as they are. */
export const APPEAL_SPEC: FormSpec<AppealField> = {
  order: FIELDS,
  hints: {},
  keepGeneric: true,
  codes: {
    'SMS.CODE_INVALID': { field: 'smsCode' },
    'SMS.CODE_EXPIRED': { field: 'smsCode' },
    'SMS.TOO_MANY_ATTEMPTS': { field: 'smsCode' },
  },
};

export const validateAppeal = (form: AppealForm): Checked<UserAppealIdentityInput, AppealField> =>
  checkForm(APPEAL_SPEC, UserAppealIdentityInput, { ...form, phone: form.phone.trim(), smsCode: form.smsCode.trim() });

/** A refused appeal: next to a field, or in the banner (with a way to 注册 when the number turned out free). */
export function explainAppealError(
  code: string,
  message: string,
  details: unknown,
): { fields: AppealErrors; banner?: string; toRegister?: boolean } {
  if (code === 'USER.ID_NUMBER_FREE') return { fields: { idNumber: message }, banner: message, toRegister: true };
  return explainError(APPEAL_SPEC, code, message, details);
}
