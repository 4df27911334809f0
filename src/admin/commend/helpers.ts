// The 记录表彰 form over the contract (record.commend): whom (a member, the team, an activity), title, level, issuer, date.
import type { FormSpec } from '../../hooks/form-spec';
import { checkForm } from '../../hooks/form-spec';
import { RecordCommendInput, type CommendationLevel } from '@contract/commendation';

export type SubjectChoice = 'volunteer' | 'team' | 'activity';
export type CommendForm = {
  kind: SubjectChoice;
  /** The member's openid or the activity's id picked in the list; the team is the page's own. */
  pick: string;
  pickName: string;
  title: string;
  level: CommendationLevel;
  issuer: string;
  date: string;
};
export type CommendRow = 'subject' | 'title' | 'level' | 'issuer' | 'date';

export const emptyCommendForm = (today: string): CommendForm => ({
  kind: 'volunteer',
  pick: '',
  pickName: '',
  title: '',
  level: '队',
  issuer: '',
  date: today,
});

export const COMMEND_SPEC: FormSpec<CommendRow> = {
  order: ['subject', 'title', 'level', 'issuer', 'date'],
  hints: { subject: '请选择表彰对象', level: '请选择表彰级别', date: '请选择表彰日期' },
  always: ['subject', 'level'],
  codes: { 'COMMENDATION.DATE_IN_FUTURE': { field: 'date' } },
};

export function validateCommendForm(orgId: string, f: CommendForm) {
  const subject = f.kind === 'team' ? { orgId } : f.kind === 'volunteer' ? { openid: f.pick } : { activityId: f.pick };
  return checkForm(COMMEND_SPEC, RecordCommendInput, {
    subject,
    title: f.title,
    level: f.level,
    issuer: f.issuer,
    date: f.date,
  });
}
