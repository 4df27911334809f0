// 供需对接 through the emulator: a 需求方 posts with an SMS-verified phone; the lowest team covering the region gets it;
// leaders of that team and above dispatch or close it; the dispatched team accepts (and publishes the linked activity)
// or declines; teams take open needs from 需求广场 where allowed; the 需求方 rates once; the timer moves unanswered
// needs up. Every race (two dispatches, accept against close, two ticks) leaves one winner.
import {
  activityInput,
  dataOf,
  devMessages,
  latestSmsCode,
  refusalOf,
  seedLanzhou,
  seedOrg,
  seedStaff,
  useTestEmulator,
} from '../helpers/emulator';
import type { InputOf } from '@contract/functions';
import { CHENGGUAN, needInput } from '../helpers/needs';

// 10:00 on 2026-11-22, Asia/Shanghai.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00.000Z' });
const QILIHE = { province: '620000', city: '620100', county: '620103' };
const XIGU = { province: '620000', city: '620100', county: '620104' };
const QINZHOU = { province: '620000', city: '620500', county: '620502' };
const BEIJING = { province: '110000', city: '110100', county: '110101' };

beforeEach(async () => {
  const { lz } = await seedLanzhou(t, { tianshui: { region: QINZHOU } });
  await seedOrg(t, 'fd', '城关区科技志愿服务分队', lz, { level: '分队', region: CHENGGUAN });
  await seedOrg(t, 'fd2', '七里河区科技志愿服务分队', lz, { level: '分队', region: QILIHE });
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['fd-admin', '13900000002', 'fd', 'admin'],
    ['fd2-admin', '13900000003', 'fd2', 'admin'],
    ['ts-admin', '13900000004', 'ts', 'admin'],
    ['lz-member', '13900000005', 'lz', 'member'],
  ]);
});

const REQUESTER = 'community-1';
const PHONE = '13812345678';
type PostInput = InputOf<'need', 'post'>;
const postInput = (over: Partial<PostInput> = {}) => needInput(PHONE, over);

async function smsCode(phone = PHONE, openid = REQUESTER): Promise<string> {
  const sent = await t.call('sms', 'send', { phone, purpose: 'need' }, openid);
  if (!sent.ok) throw new Error(`sms.send: ${sent.code}`);
  return latestSmsCode(t, phone);
}

async function post(over: Partial<PostInput> = {}, openid = REQUESTER) {
  const input = postInput(over);
  return dataOf(await t.call('need', 'post', { ...input, smsCode: await smsCode(input.phone, openid) }, openid)).need;
}

const count = async (query: object = {}) => (await t.emu.db.find('needs', query)).length;
const get = (needId: string, openid: string) => t.call('need', 'get', { needId }, openid);
const inbox = (openid: string, box: InputOf<'need', 'inbox'>['box']) => t.call('need', 'inbox', { box }, openid);
const tasks = async (openid: string) => (await devMessages(t, openid)).filter((m) => m.kind === 'needTask');
const progressMessages = async (openid: string) => (await devMessages(t, openid)).filter((m) => m.kind === 'needProgress');

describe('点单: posting a need', () => {
  it('goes to the lowest team covering its county; that team and every team above see it, others do not', async () => {
    const need = await post();
    expect(need).toMatchObject({ status: 'open', progress: '待响应', coveringOrgId: 'fd', coveringOrgName: '城关区科技志愿服务分队' });
    expect(need.contactPhone).toBe(PHONE);
    expect(await tasks('fd-admin')).toHaveLength(1);
    for (const who of ['fd-admin', 'lz-leader', 'root-leader'])
      expect(dataOf(await inbox(who, 'toDispatch')).items.map((n) => n.needId)).toEqual([need.needId]);
    expect(dataOf(await inbox('fd2-admin', 'toDispatch')).items).toEqual([]);
    expect(refusalOf(await get(need.needId, 'ts-admin')).code).toBe('NEED.NOT_FOUND');
    expect(refusalOf(await get(need.needId, 'lz-member')).code).toBe('NEED.NOT_FOUND');
    // The phone is sealed at rest.
    const [stored] = await t.emu.db.find('needs', { _id: need.needId });
    expect(JSON.stringify(stored)).not.toContain(PHONE);
  });

  it.each([
    ['a county without a team goes to its city’s 支队', XIGU, 'lz'],
    ['another city goes to its own 支队', QINZHOU, 'ts'],
    ['another province goes to the root 总队', BEIJING, undefined],
  ])('%s', async (_what, region, orgId) => {
    const need = await post({ region });
    const root = (await t.emu.db.find('orgs', { level: '总队' }))[0]._id as string;
    expect(need.coveringOrgId).toBe(orgId ?? root);
  });

  it('a wrong SMS code is refused and nothing is written; a code serves one post', async () => {
    const code = await smsCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect(refusalOf(await t.call('need', 'post', { ...postInput(), smsCode: wrong }, REQUESTER)).code).toBe('SMS.CODE_INVALID');
    expect(await count()).toBe(0);
    dataOf(await t.call('need', 'post', { ...postInput(), smsCode: code }, REQUESTER));
    expect(refusalOf(await t.call('need', 'post', { ...postInput(), smsCode: code }, REQUESTER)).code).toBe('SMS.CODE_EXPIRED');
    expect(await count()).toBe(1);
  });

  it.each([
    ['an organisation without its name', { requesterName: undefined }],
    ['preferred dates backwards', { preferredFrom: '2026-12-05', preferredTo: '2026-12-01' }],
    ['an unknown category', { category: '跳舞' as never }],
    ['no audience', { audienceSize: 0 }],
  ])('bad input is refused with nothing written: %s', async (_what, over) => {
    const r = await t.call('need', 'post', { ...postInput(over), smsCode: '123456' }, REQUESTER);
    expect(refusalOf(r).code).toBe('VALIDATION');
    expect(await count()).toBe(0);
  });

  it('a phone posts at most 3 needs a day', async () => {
    for (let i = 0; i < 3; i++) {
      await post({ title: `第${i + 1}个科普需求` });
      await t.setClock(`2026-11-22T0${3 + i}:00:00.000Z`);
    }
    const code = await smsCode();
    expect(refusalOf(await t.call('need', 'post', { ...postInput(), smsCode: code }, REQUESTER)).code).toBe('NEED.DAILY_LIMIT');
    expect(await count()).toBe(3);
  });
});

describe('派单 and 接单', () => {
  it('two leaders dispatching at once: one wins, the other is told it changed', async () => {
    const need = await post();
    const [a, b] = await Promise.all([
      t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd' }, 'fd-admin'),
      t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd2', note: '七里河队有讲师' }, 'lz-leader'),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(refusalOf((a.ok ? b : a) as never).code).toBe('NEED.STATE_CHANGED');
    const [stored] = await t.emu.db.find('needs', { _id: need.needId });
    expect(stored.history as unknown[]).toHaveLength(2);
    expect(await progressMessages(REQUESTER)).toHaveLength(1);
  });

  it('dispatches only to the caller’s own team or one below it, by a manager of a covering team', async () => {
    const need = await post();
    expect(refusalOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'ts' }, 'lz-leader')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'lz' }, 'fd-admin')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd' }, 'ts-admin')).code).toBe('NEED.NOT_FOUND');
    expect(await count({ status: 'open' })).toBe(1);
  });

  it('the contact is whole for the team handling it and masked for a leader above', async () => {
    const need = await post();
    dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd2' }, 'lz-leader'));
    expect(dataOf(await get(need.needId, 'fd2-admin')).need.contactPhone).toBe(PHONE);
    expect(dataOf(await get(need.needId, 'lz-leader')).need.contactPhone).toBe('138****5678');
    expect(dataOf(await get(need.needId, 'fd-admin')).need.contactPhone).toBe('138****5678');
  });

  it('accept against close: exactly one happens', async () => {
    const need = await post();
    dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd2' }, 'lz-leader'));
    const [accepted, closed] = await Promise.all([
      t.call('need', 'accept', { needId: need.needId }, 'fd2-admin'),
      t.call('need', 'close', { needId: need.needId, reason: '需求方已取消' }, 'lz-leader'),
    ]);
    expect([accepted.ok, closed.ok].filter(Boolean)).toHaveLength(1);
    const [stored] = await t.emu.db.find('needs', { _id: need.needId });
    expect(stored.status).toBe(accepted.ok ? 'accepted' : 'closed');
  });

  it('a decline with its reason sends it back to 待派单 and tells the dispatching team', async () => {
    const need = await post();
    dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd2' }, 'lz-leader'));
    expect(refusalOf(await t.call('need', 'decline', { needId: need.needId, reason: '人手不足' }, 'fd-admin')).code).toBe('AUTH.FORBIDDEN');
    const back = dataOf(await t.call('need', 'decline', { needId: need.needId, reason: '本周人手不足' }, 'fd2-admin')).need;
    expect(back).toMatchObject({ status: 'open', progress: '待响应' });
    expect(back.assignedOrgId).toBeUndefined();
    expect((await tasks('lz-leader')).at(-1)?.title).toContain('退回');
    expect(dataOf(await inbox('fd-admin', 'toDispatch')).items).toHaveLength(1);
  });

  it('accepting drafts the activity; publishing it links both ways once; after it the 需求方 rates once', async () => {
    const need = await post();
    dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd' }, 'fd-admin'));
    const { draft } = dataOf(await t.call('need', 'accept', { needId: need.needId }, 'fd-admin'));
    expect(draft).toMatchObject({ needId: need.needId, orgId: 'fd', title: need.title, startDate: '2026-12-01', endDate: '2026-12-02' });

    const input = { ...activityInput('fd', { title: draft.title }), needId: need.needId };
    expect(refusalOf(await t.call('activity', 'publish', { ...input, orgId: 'fd2' }, 'fd2-admin')).code).toBe('NEED.NOT_FOUND');
    const activity = dataOf(await t.call('activity', 'publish', input, 'fd-admin')).activity;
    expect(activity.needId).toBe(need.needId);
    expect(refusalOf(await t.call('activity', 'publish', input, 'fd-admin')).code).toBe('NEED.STATE_CHANGED');
    expect(await t.emu.db.find('activities', { needId: need.needId })).toHaveLength(1);
    expect(dataOf(await get(need.needId, REQUESTER)).need).toMatchObject({ activityId: activity._id, progress: '已接单' });
    expect(refusalOf(await t.call('need', 'rate', { needId: need.needId, stars: 5 }, REQUESTER)).code).toBe('NEED.NOT_RATABLE');

    await t.setClock('2026-12-01T03:00:00.000Z');
    expect(dataOf(await get(need.needId, REQUESTER)).need.progress).toBe('服务中');
    await t.setClock('2026-12-03T03:00:00.000Z');
    expect(dataOf(await t.call('need', 'mine', {}, REQUESTER)).items[0].can.rate).toBe(true);
    expect(refusalOf(await t.call('need', 'rate', { needId: need.needId, stars: 5 }, 'fd-admin')).code).toBe('AUTH.FORBIDDEN');
    const rated = dataOf(
      await t.call('need', 'rate', { needId: need.needId, stars: 2, tags: ['准时'], comment: '讲得太快，老人听不懂' }, REQUESTER),
    ).need;
    expect(rated).toMatchObject({ status: 'rated', progress: '已完成', rating: { stars: 2, tags: ['准时'] } });
    expect(refusalOf(await t.call('need', 'rate', { needId: need.needId, stars: 5 }, REQUESTER)).code).toBe('NEED.NOT_RATABLE');
    // A low rating with a comment reaches the dispatching team.
    expect((await tasks('fd-admin')).some((m) => m.title.includes('低分评价'))).toBe(true);
  });

  it('the rating window closes 30 days after the activity', async () => {
    const need = await post();
    dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'fd' }, 'fd-admin'));
    dataOf(await t.call('need', 'accept', { needId: need.needId }, 'fd-admin'));
    dataOf(await t.call('activity', 'publish', { ...activityInput('fd'), needId: need.needId }, 'fd-admin'));
    await t.setClock('2027-01-02T10:00:00.000Z');
    expect(dataOf(await get(need.needId, REQUESTER)).need.progress).toBe('已完成');
    expect(refusalOf(await t.call('need', 'rate', { needId: need.needId, stars: 4 }, REQUESTER)).code).toBe('NEED.NOT_RATABLE');
  });
});

describe('需求广场 and moving up', () => {
  it('teams below take an open need only where the covering team allows it', async () => {
    const need = await post({ region: XIGU });
    expect(dataOf(await t.call('need', 'square', {}, 'fd2-admin')).items).toEqual([]);
    expect(refusalOf(await t.call('need', 'take', { needId: need.needId, orgId: 'fd2' }, 'fd2-admin')).code).toBe('NEED.NOT_FOUND');
    expect(refusalOf(await t.call('need', 'setSelfService', { orgId: 'lz', allow: true }, 'fd-admin')).code).toBe('AUTH.FORBIDDEN');
    dataOf(await t.call('need', 'setSelfService', { orgId: 'lz', allow: true }, 'lz-leader'));
    expect(dataOf(await t.call('need', 'square', { category: '科普讲解' }, 'fd2-admin')).items.map((n) => n.needId)).toEqual([need.needId]);
    expect(dataOf(await t.call('need', 'square', { category: '义诊咨询' }, 'fd2-admin')).items).toEqual([]);
    expect(refusalOf(await t.call('need', 'square', {}, 'lz-member')).code).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await t.call('need', 'square', {}, 'ts-admin')).items).toEqual([]);
    const [a, b] = await Promise.all([
      t.call('need', 'take', { needId: need.needId, orgId: 'fd2' }, 'fd2-admin'),
      t.call('need', 'take', { needId: need.needId, orgId: 'fd' }, 'fd-admin'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [stored] = await t.emu.db.find('needs', { _id: need.needId });
    expect(stored).toMatchObject({ status: 'accepted', assignedOrgId: a.ok ? 'fd2' : 'fd' });
  });

  it('a need nobody dispatched in 3 days moves up one level, once, even when two ticks overlap', async () => {
    const need = await post();
    await t.setClock('2026-11-25T01:59:00.000Z');
    await t.dev('POST', '/_dev/cron');
    expect(dataOf(await get(need.needId, REQUESTER)).need.coveringOrgId).toBe('fd');
    // The emulator clock runs on from each setting: a minute past three days is past the post's own instant.
    await t.setClock('2026-11-25T02:01:00.000Z');
    await Promise.all([t.dev('POST', '/_dev/cron'), t.dev('POST', '/_dev/cron')]);
    const moved = dataOf(await get(need.needId, REQUESTER)).need;
    expect(moved.coveringOrgId).toBe('lz');
    expect(moved.history.filter((s) => s.step === 'escalated')).toHaveLength(1);
    expect((await progressMessages(REQUESTER)).at(-1)?.body).toContain('兰州市科技志愿服务支队');
    expect((await tasks('lz-leader')).at(-1)?.title).toContain('逾期未派单');
    // fd's admin no longer has it to dispatch; 兰州's leader does.
    expect(dataOf(await inbox('fd-admin', 'toDispatch')).items).toEqual([]);
    expect(dataOf(await inbox('lz-leader', 'toDispatch')).items).toHaveLength(1);
  });
});
