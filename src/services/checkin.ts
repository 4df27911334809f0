// Check-in: codes, scans with the phone's position (GCJ-02 on both platforms, from src/device), day records, admin
// tools and corrections.
import { callFunction } from './cloud';
import type { InputOf } from '@contract/functions';
import type {
  CheckinAdjustInput,
  CheckinBatchSignOutInput,
  CheckinBatchSignOutOutput,
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinCorrectionsInput,
  CheckinCorrectionsOutput,
  CheckinDecideOfflineInput,
  CheckinDecideOfflineOutput,
  CheckinKind,
  CheckinMyCodeOutput,
  CheckinMyHoursInput,
  CheckinMyHoursOutput,
  CheckinOfflinePendingOutput,
  CheckinRequestCorrectionInput,
  CheckinRevokeCodesOutput,
  CheckinRosterOutput,
  CheckinScanOutput,
  CheckinScanVolunteerOutput,
  CheckinInviteWalkInInput,
  CheckinInviteWalkInOutput,
  CheckinVolunteerPhoneOutput,
  CheckinWalkInInput,
  CheckinWalkInOutput,
  CorrectionOutput,
  RecordOutput,
} from '@contract/checkin';

import type { Fix } from '../device/location';

/** An activity's code: static for posters, rotating (every 30 s) for a screen. */
export function activityCode(input: CheckinCodeInput): Promise<CheckinCodeOutput> {
  return callFunction('checkin', 'code', input);
}

/** Revokes every code of the activity shown or printed so far (a photographed poster, a forwarded screenshot). */
export function revokeCodes(activityId: string): Promise<CheckinRevokeCodesOutput> {
  return callFunction('checkin', 'revokeCodes', { activityId });
}

/** What else goes with a scan: a confirmed short 签退, the activity a typed 现场数字码 belongs to, a retried tap. */
export type ScanOptions = { confirmShort?: boolean; activityId?: string; retry?: boolean };

/**
 * Signs in or out with a scanned activity code (or a typed 现场数字码). Retrying one tap after a network failure,
 * pass the same `nonce` and `retry`: the server answers the first result again and records nothing twice, or, if the
 * first attempt never arrived, still accepts the code the rotation has just passed.
 */
export function scanActivityCode(payload: string, location: Fix, nonce: string, opts: ScanOptions = {}): Promise<CheckinScanOutput> {
  const { confirmShort, activityId, retry } = opts;
  return callFunction('checkin', 'scan', {
    payload,
    location,
    nonce,
    ...(confirmShort ? { confirmShort } : {}),
    ...(activityId ? { activityId } : {}),
    ...(retry ? { retry } : {}),
  });
}

/** Undoes the volunteer's own mistaken 签退 of a day, within minutes of it: the day is open again. */
export function undoSignOut(activityId: string, date: string): Promise<RecordOutput> {
  return callFunction('checkin', 'undoSignOut', { activityId, date });
}

/** The volunteer's own rotating code, for an admin to scan when the phone cannot locate. */
export function myCode(activityId: string): Promise<CheckinMyCodeOutput> {
  return callFunction('checkin', 'myCode', { activityId });
}

export function scanVolunteerCode(payload: string, kind: CheckinKind): Promise<CheckinScanVolunteerOutput> {
  return callFunction('checkin', 'scanVolunteer', { payload, kind });
}

export function roster(activityId: string, date: string): Promise<CheckinRosterOutput> {
  return callFunction('checkin', 'roster', { activityId, date });
}

/** Closes the day's open records; the caller's own open day is left for another manager (`skippedOwn`). */
export function batchSignOut(input: CheckinBatchSignOutInput): Promise<CheckinBatchSignOutOutput> {
  return callFunction('checkin', 'batchSignOut', input);
}

/** 补录/调整 a volunteer's day with a reason; the change joins the record's audit trail. */
export function adjustRecord(input: CheckinAdjustInput): Promise<RecordOutput> {
  return callFunction('checkin', 'adjust', input);
}

/** 现场报名: a registered volunteer by phone or 志愿者编号, after the signup deadline, within the capacity. */
export function walkIn(input: CheckinWalkInInput): Promise<CheckinWalkInOutput> {
  return callFunction('checkin', 'walkIn', input);
}

/** Invites a phone not yet registered by SMS: registering with it enrolls its owner (the SMS goes through the sms function). */
export function inviteWalkIn(input: CheckinInviteWalkInInput): Promise<CheckinInviteWalkInOutput> {
  return callFunction('sms', 'inviteWalkIn', input);
}

/** An enrolled volunteer's full phone, for the team's managers to call (the server audits each reveal). */
export function volunteerPhone(activityId: string, openid: string): Promise<CheckinVolunteerPhoneOutput> {
  return callFunction('checkin', 'volunteerPhone', { activityId, openid });
}

export function myHours(input: CheckinMyHoursInput = {}): Promise<CheckinMyHoursOutput> {
  return callFunction('checkin', 'myHours', input);
}

export function requestCorrection(input: CheckinRequestCorrectionInput): Promise<CorrectionOutput> {
  return callFunction('checkin', 'requestCorrection', input);
}

export function listCorrections(input: CheckinCorrectionsInput): Promise<CheckinCorrectionsOutput> {
  return callFunction('checkin', 'corrections', input);
}

export function reviewCorrection(input: InputOf<'checkin', 'reviewCorrection'>): Promise<CorrectionOutput> {
  return callFunction('checkin', 'reviewCorrection', input);
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A fresh random nonce ([A-Za-z0-9_-]{24}) for one tap. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => NONCE_ALPHABET[b & 63]).join('');
}

/** The day's offline scans waiting for an admin (待确认 static-code scans and flagged ones), oldest first. */
export function offlinePending(activityId: string, date?: string): Promise<CheckinOfflinePendingOutput> {
  return callFunction('checkin', 'offlinePending', { activityId, ...(date ? { date } : {}) });
}

/** Confirms or rejects offline scans by id, or every plausible one at once (一键确认); each gets its own result. */
export function decideOffline(input: CheckinDecideOfflineInput): Promise<CheckinDecideOfflineOutput> {
  return callFunction('checkin', 'decideOffline', input);
}
