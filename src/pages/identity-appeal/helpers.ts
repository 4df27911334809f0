// Pure logic of 身份核验申请: the hand-off from the register page (kept in memory: an ID number never rides in a URL
// or in storage), validation by the shared contract, and where a server error belongs.
import { UserAppealIdentityInput } from '../../../types/user';

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

type IssueLike = { path: ReadonlyArray<string | number>; message: string };

export function errorsFromIssues(issues: ReadonlyArray<IssueLike>): AppealErrors {
  const errors: AppealErrors = {};
  for (const issue of issues) {
    const field = issue.path[0] as AppealField;
    if (FIELDS.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export type AppealValidation = { ok: true; input: UserAppealIdentityInput } | { ok: false; errors: AppealErrors };

export function validateAppeal(form: AppealForm): AppealValidation {
  const result = UserAppealIdentityInput.safeParse({ ...form, phone: form.phone.trim(), smsCode: form.smsCode.trim() });
  return result.success ? { ok: true, input: result.data } : { ok: false, errors: errorsFromIssues(result.error.issues) };
}

/** A refused appeal: next to a field, or in the banner (with a way to 注册 when the number turned out free). */
export function explainAppealError(code: string, message: string, details: unknown): { fields: AppealErrors; banner?: string; toRegister?: boolean } {
  switch (code) {
    case 'SMS.CODE_INVALID':
    case 'SMS.CODE_EXPIRED':
    case 'SMS.TOO_MANY_ATTEMPTS':
      return { fields: { smsCode: message } };
    case 'USER.ID_NUMBER_FREE':
      return { fields: { idNumber: message }, banner: message, toRegister: true };
    case 'VALIDATION': {
      // The client's own check hands the issues over as they are, the server's answer as `details.issues`.
      const issues = Array.isArray(details) ? details : (details as { issues?: IssueLike[] } | undefined)?.issues;
      const fields = Array.isArray(issues) ? errorsFromIssues(issues) : {};
      return Object.keys(fields).length ? { fields } : { fields, banner: message };
    }
    default:
      return { fields: {}, banner: message };
  }
}
