// activity.recordServed through the emulator: the team's managers record people served and a summary once it started.
import type { InputOf } from '@contract/functions';
import { LZ_TS_STAFF, publishActivity, seedLanzhou, seedStaff, useTestEmulator } from '../helpers/emulator';

// Before signup closes: the activity (2026-12-01/02, 09:00–17:00 Shanghai) has not started.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let activityId: string;
beforeEach(async () => {
  await seedLanzhou(t, { tianshui: {} });
  // 兰州's admin and member and 天水's admin; no leader of 兰州.
  await seedStaff(t, LZ_TS_STAFF.slice(1));
  activityId = (await publishActivity(t, 'lz-admin', 'lz'))._id;
});

const record = (who: string, input: Omit<InputOf<'activity', 'recordServed'>, 'activityId'>) =>
  t.call('activity', 'recordServed', { activityId, ...input }, who);

describe('activity.recordServed', () => {
  it('VALIDATION before the activity starts', async () => {
    expect(await record('lz-admin', { servedCount: 10 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '活动开始后才能填写服务人数',
    });
  });

  it('once started, and again after it ended: the count and summary are stored and shown', async () => {
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await record('lz-admin', { servedCount: 120, summary: '  讲解防灾减灾知识  ' })).toMatchObject({
      ok: true,
      data: { activity: { _id: activityId, servedCount: 120, summary: '讲解防灾减灾知识' } },
    });
    await t.setClock('2026-12-05T02:00:00Z');
    // A correction keeps the summary when none is given.
    expect(await record('lz-admin', { servedCount: 150 })).toMatchObject({
      ok: true,
      data: { activity: { servedCount: 150, summary: '讲解防灾减灾知识' } },
    });
    expect(await t.call('activity', 'get', { activityId }, 'lz-member')).toMatchObject({
      ok: true,
      data: { activity: { servedCount: 150, summary: '讲解防灾减灾知识' } },
    });
    const [stored] = await t.emu.db.find('activities', { _id: activityId });
    expect(stored).toMatchObject({ servedCount: 150, servedRecordedBy: 'lz-admin' });
  });

  it('AUTH.FORBIDDEN: a plain member, another team’s admin, an ancestor’s leader (only the team itself manages)', async () => {
    await t.setClock('2026-12-01T02:00:00Z');
    for (const who of ['lz-member', 'ts-admin', 'root-leader']) {
      expect(await record(who, { servedCount: 10 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('ACTIVITY.CANCELLED and ACTIVITY.NOT_FOUND', async () => {
    expect(await t.call('activity', 'cancel', { activityId, reason: '天气原因' }, 'lz-admin')).toMatchObject({ ok: true });
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await record('lz-admin', { servedCount: 10 })).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(await t.call('activity', 'recordServed', { activityId: 'nope', servedCount: 1 }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
  });

  it('VALIDATION: a negative count', async () => {
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await record('lz-admin', { servedCount: -1 })).toMatchObject({ ok: false, code: 'VALIDATION', message: '服务人数不能为负' });
  });
});
