// 供需对接's scene for the tests that need one: 兰州 with 城关区's team below it and their managers, a need posted by
// a 需求方 (in the browser, as they would, or straight through the function), and each team step by direct calls.
import type { Page } from 'playwright-core';
import type { InputOf } from '@contract/functions';
import type { NeedView } from '@contract/need';
import { activityInput, dataOf, latestSmsCode, seedLanzhou, seedOrg, seedStaff, type TestEmulator } from './emulator';
import { onTop as top, pickOption } from './browser';

export const CHENGGUAN = { province: '620000', city: '620100', county: '620102' };
/** 城关区's team (`fd`, below 兰州 `lz`), the lowest covering a need in 城关区. */
export const NEED_TEAM = { _id: 'fd', name: '城关区科技志愿服务分队' };
/** The managers the scene casts: 兰州's leader and 城关区's admin. */
export const LZ_LEADER = 'need-lz-leader';
export const FD_ADMIN = 'need-fd-admin';

/** The root 总队, 兰州 below it and 城关区's team below 兰州, with their managers (phones 13900009001–02). */
export async function seedNeedTeams(t: TestEmulator) {
  const { root, lz } = await seedLanzhou(t);
  await seedOrg(t, NEED_TEAM._id, NEED_TEAM.name, lz, { level: '分队', region: CHENGGUAN });
  await seedStaff(t, [
    [LZ_LEADER, '13900009001', 'lz', 'leader'],
    [FD_ADMIN, '13900009002', NEED_TEAM._id, 'admin'],
  ]);
  return { root, lz };
}

export type NeedPost = Omit<InputOf<'need', 'post'>, 'smsCode'>;

/** 东岗社区's lecture in 城关区 (the contact's phone `phone`). */
export function needInput(phone: string, over: Partial<NeedPost> = {}): NeedPost {
  return {
    requesterKind: '社区',
    requesterName: '东岗街道社区',
    category: '科普讲解',
    title: '老年人防诈骗科普讲座',
    description: '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。',
    region: CHENGGUAN,
    address: '兰州市城关区东岗西路1号社区活动室',
    preferredFrom: '2026-12-01',
    preferredTo: '2026-12-02',
    audienceSize: 60,
    contactName: '李主任',
    phone,
    ...over,
  };
}

/** Posts through need.post as `openid`, with a code sent to the need's phone. */
export async function postNeed(t: TestEmulator, openid: string, input: NeedPost): Promise<NeedView> {
  const sent = await t.call('sms', 'send', { phone: input.phone, purpose: 'need' }, openid);
  if (!sent.ok) throw new Error(`sms.send: ${sent.code}`);
  return dataOf(await t.call('need', 'post', { ...input, smsCode: await latestSmsCode(t, input.phone) }, openid)).need;
}

/**
 * Fills 我要点单 (open on `page`) with `input` as a 需求方 would — the kind's chip, pickers, the SMS code from the
 * emulator's outbox — and submits it. The preferred days are left as the form proposes them; `county` names the county
 * picked under 兰州市 (input.region's, 城关区 unless told).
 */
export async function fillNeedForm(page: Page, t: TestEmulator, input: NeedPost, county = '城关区'): Promise<void> {
  const kinds = ['社区', '学校', '村委会', '企业', '科普教育基地', '个人'];
  await top(page, `.need-post-kind-${kinds.indexOf(input.requesterKind)}`).click();
  if (input.requesterName) await top(page, '.need-post-unit input').fill(input.requesterName);
  await pickOption(page, 'need-post-category', input.category);
  await top(page, '.need-post-title input').fill(input.title);
  await top(page, '.need-post-description textarea').fill(input.description);
  await top(page, '.need-post-audience input').fill(String(input.audienceSize));
  await pickOption(page, 'need-post-region-province', '甘肃省');
  await pickOption(page, 'need-post-region-city', '兰州市');
  await pickOption(page, 'need-post-region-county', county);
  await top(page, '.need-post-address input').fill(input.address);
  await top(page, '.need-post-contact input').fill(input.contactName);
  await top(page, '.reg-phone input').fill(input.phone);
  await top(page, '.reg-send-code').click();
  await top(page, '.reg-send-code').filter({ hasText: /秒/ }).waitFor();
  await top(page, '.reg-sms-code input').fill(await latestSmsCode(t, input.phone));
  await top(page, '.need-post-submit').click();
}

/** 派单 to `orgId` by `dispatcher`, 接单 by `admin`, and the activity (activityInput's days) published with the need. */
export async function dispatchAcceptPublish(
  t: TestEmulator,
  needId: string,
  opts: { dispatcher: string; orgId: string; admin: string; over?: Record<string, unknown> },
) {
  dataOf(await t.call('need', 'dispatch', { needId, orgId: opts.orgId }, opts.dispatcher));
  const { draft } = dataOf(await t.call('need', 'accept', { needId }, opts.admin));
  const input = { ...activityInput(opts.orgId), title: draft.title, category: draft.category, needId, ...opts.over };
  const published = await t.call('activity', 'publish', input, opts.admin);
  return { draft, activity: dataOf(published).activity };
}
