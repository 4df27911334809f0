// 供需对接: posting a need (with its SMS code), the caller's needs, one need, the teams' 派单箱 and 需求广场, and every
// step of 派单、接单、评单, and a need's 现场照片. What the caller may do on a need comes with it (`need.can`).
import { callFunction } from './cloud';
import { sendSmsCode } from './sms';
import type { SmsSendOutput } from '@contract/sms';
import type { PhotoType } from '@contract/photo';
import type {
  NeedAcceptOutput,
  NeedDispatchInput,
  NeedDispatchTargetsOutput,
  NeedInboxInput,
  NeedInboxOutput,
  NeedListOutput,
  NeedOutput,
  NeedPhotoOutput,
  NeedPostInput,
  NeedRateInput,
  NeedRemovePhotoOutput,
  NeedSelfServiceOutput,
  NeedSquareInput,
} from '@contract/need';

/** The contact phone's SMS code: a 需求方 needs no registration, only a phone that answers. */
export function sendNeedSmsCode(phone: string): Promise<SmsSendOutput> {
  return sendSmsCode(phone, 'need');
}

/** 点单: the need goes to the team covering its region. */
export function postNeed(input: NeedPostInput): Promise<NeedOutput> {
  return callFunction('need', 'post', input);
}

/** The caller's own needs, newest first. */
export function myNeeds(page = 1, pageSize = 20): Promise<NeedListOutput> {
  return callFunction('need', 'mine', { page, pageSize });
}

export function getNeed(needId: string): Promise<NeedOutput> {
  return callFunction('need', 'get', { needId });
}

/** 派单箱 of the teams the caller manages, with the to-do counts. */
export function needInbox(input: NeedInboxInput): Promise<NeedInboxOutput> {
  return callFunction('need', 'inbox', input);
}

/** 需求广场: open needs the caller's teams may take. */
export function needSquare(input: NeedSquareInput = {}): Promise<NeedListOutput> {
  return callFunction('need', 'square', input);
}

/** 派单's choices: every team the caller may send this need to, as a tree (each team right after its parent). */
export function needDispatchTargets(needId: string): Promise<NeedDispatchTargetsOutput> {
  return callFunction('need', 'dispatchTargets', { needId });
}

/** 派单 to the covering team or any team below it. */
export function dispatchNeed(input: NeedDispatchInput): Promise<NeedOutput> {
  return callFunction('need', 'dispatch', input);
}

export function closeNeed(needId: string, reason: string): Promise<NeedOutput> {
  return callFunction('need', 'close', { needId, reason });
}

/** 接单: the answer carries the activity draft the publish page starts from. */
export function acceptNeed(needId: string): Promise<NeedAcceptOutput> {
  return callFunction('need', 'accept', { needId });
}

/** 退回: back to the covering team, with the reason. */
export function declineNeed(needId: string, reason: string): Promise<NeedOutput> {
  return callFunction('need', 'decline', { needId, reason });
}

/** 从需求广场接单 for one of the caller's teams; answers the draft as accepting does. */
export function takeNeed(needId: string, orgId: string): Promise<NeedAcceptOutput> {
  return callFunction('need', 'take', { needId, orgId });
}

/** 评价, once, after the linked activity ended. */
export function rateNeed(input: NeedRateInput): Promise<NeedOutput> {
  return callFunction('need', 'rate', input);
}

/** Whether the teams below may take this team's open needs from 需求广场 (the team's leader). */
export function setNeedSelfService(orgId: string, allow: boolean): Promise<NeedSelfServiceOutput> {
  return callFunction('need', 'setSelfService', { orgId, allow });
}

/** 现场照片 (the 需求方, while open or dispatched): a picture as the phone picked it (src/device/photo). */
export function addNeedPhoto(needId: string, photo: { contentType: PhotoType; base64: string }): Promise<NeedPhotoOutput> {
  return callFunction('need', 'addPhoto', { needId, contentType: photo.contentType, dataBase64: photo.base64 });
}

export function removeNeedPhoto(needId: string, photoId: string): Promise<NeedRemovePhotoOutput> {
  return callFunction('need', 'removePhoto', { needId, photoId });
}
