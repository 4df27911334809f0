// 表彰奖励 (record function): leaders record commendations and review those of the teams below; the volunteer's own
// approved ones for 我的, and a team's approved ones for its page.
import { callFunction } from './cloud';
import type { InputOf } from '@contract/functions';
import type { RecordCommendationListOutput, RecordCommendationOutput } from '@contract/commendation';

export function commend(input: InputOf<'record', 'commend'>): Promise<RecordCommendationOutput> {
  return callFunction('record', 'commend', input);
}

/** The pending commendations the caller may decide. */
export function commendationInbox(): Promise<RecordCommendationListOutput> {
  return callFunction('record', 'commendationInbox', {});
}

export function reviewCommendation(input: InputOf<'record', 'reviewCommendation'>): Promise<RecordCommendationOutput> {
  return callFunction('record', 'reviewCommendation', input);
}

/** A team's approved commendations (of itself and its activities): public. */
export function teamCommendations(orgId: string): Promise<RecordCommendationListOutput> {
  return callFunction('record', 'commendations', { orgId });
}

export function myCommendations(): Promise<RecordCommendationListOutput> {
  return callFunction('record', 'myCommendations', {});
}
