// 供需对接 for leaders and admins: the 派单 boxes with their counts, 需求广场, and a leader's self-service switch.
import { callFunction } from './cloud';
import type {
  NeedInboxInput,
  NeedInboxOutput,
  NeedListOutput,
  NeedSelfServiceInput,
  NeedSelfServiceOutput,
  NeedSquareInput,
} from '@contract/need';

/** One page of a box (待派单, 待接单, 处理中, 已完成) of the caller's teams, with the to-do counts. */
export function needInbox(input: NeedInboxInput): Promise<NeedInboxOutput> {
  return callFunction('need', 'inbox', input);
}

/** 需求广场: open needs the caller's teams may take, by region code (any level) and category. */
export function needSquare(input: NeedSquareInput): Promise<NeedListOutput> {
  return callFunction('need', 'square', input);
}

/** Whether the teams below the leader's team may take its open needs from 需求广场. */
export function setNeedSelfService(input: NeedSelfServiceInput): Promise<NeedSelfServiceOutput> {
  return callFunction('need', 'setSelfService', input);
}

/** How many needs wait for the caller's teams to dispatch or accept (the badge of 需求派单). */
export async function needToDoCount(): Promise<number> {
  const { counts } = await needInbox({ box: 'toDispatch', pageSize: 1 });
  return counts.toDispatch + counts.toAccept;
}
