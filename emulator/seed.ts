// Demo data for `npm start`: a root 总队 in Gansu with two 支队, a leader, an admin and volunteers,
// created through the real functions (SMS outbox → user.register) wherever a function exists.
import { randomBytes } from 'node:crypto';
import type { DatabaseEngine } from './db';
import { C } from '../cloudfunctions/common/db/collections';
import { database } from '../cloudfunctions/common/cloud';
import { idCheckDigit } from '../types/id-number';
import { CONSENT_VERSION } from '../types/enums';
import { ROOT_SETTING_ID } from '../cloudfunctions/common/app/org/bootstrap-root.use-case';

type Answer = { ok: boolean; data?: any; code?: string; message?: string };

/** What seeding needs of the emulator: its database and in-process function calls. */
export interface SeedTarget {
  db: DatabaseEngine;
  call(fn: string, event: Record<string, unknown>, openid?: string): Promise<unknown>;
}

export interface DemoIdentity {
  openid: string;
  label: string;
  role: string;
  order: number;
}

const LANZHOU = { province: '620000', city: '620100', county: '620102' };
const TIANSHUI = { province: '620000', city: '620500', county: '620502' };

const people = [
  { openid: 'demo-leader', realName: '王建国', gender: 'male', birth: '19750312', phone: '13800000001', label: '王建国（总队负责人）', role: 'leader' },
  { openid: 'demo-admin', realName: '李敏', gender: 'female', birth: '19880521', phone: '13800000002', label: '李敏（兰州支队管理员）', role: 'admin' },
  { openid: 'demo-vol1', realName: '张伟', gender: 'male', birth: '19920808', phone: '13800000003', label: '张伟（志愿者）', role: 'member' },
  { openid: 'demo-vol2', realName: '刘洋', gender: 'female', birth: '19950117', phone: '13800000004', label: '刘洋（志愿者）', role: 'member' },
  { openid: 'demo-vol3', realName: '陈静', gender: 'female', birth: '19990630', phone: '13800000005', label: '陈静（志愿者）', role: 'member' },
  { openid: 'demo-vol4', realName: '赵磊', gender: 'male', birth: '20010225', phone: '13800000006', label: '赵磊（待审核）', role: 'member' },
] as const;

export function demoIdNumber(birth: string, seq: number): string {
  const first17 = `620102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

async function expectOk(what: string, p: Promise<unknown>): Promise<any> {
  const r = (await p) as Answer;
  if (!r.ok) throw new Error(`seed: ${what} failed: ${r.code} ${r.message}`);
  return r.data;
}

export async function seedDemo(emu: SeedTarget): Promise<{ seeded: boolean; identities: DemoIdentity[] }> {
  const existing = await emu.db.find(C.settings, { _id: ROOT_SETTING_ID });
  if (existing.length > 0) return { seeded: false, identities: await emu.db.find('_dev_identities') };
  const token = process.env.BOOTSTRAP_TOKEN;
  if (!token) throw new Error('seed: BOOTSTRAP_TOKEN is not set');

  const root = (await expectOk('bootstrapRoot', emu.call('org', { action: 'bootstrapRoot', name: '甘肃省科技志愿服务总队', region: LANZHOU, bootstrapToken: token }, 'demo-leader'))).org;
  const now = new Date();
  const branch = (name: string, region: typeof LANZHOU, intro: string) => ({
    _id: randomBytes(16).toString('hex'),
    name,
    level: '支队',
    parentId: root._id,
    path: [root._id],
    region,
    intro,
    status: 'approved',
    leaderOpenid: 'demo-leader',
    contactName: '王建国',
    contactPhone: '13800000001',
    createdAt: now,
  });
  const lanzhou = branch('兰州市科技志愿服务支队', LANZHOU, '面向兰州市城关区社区、学校开展科普报告、科技培训和青少年科技教育。');
  const tianshui = branch('天水市科技志愿服务支队', TIANSHUI, '服务天水市秦州区乡村振兴，开展农技服务和义诊咨询。');
  await emu.db.insert(C.orgs, [lanzhou, tianshui]);

  const identities: DemoIdentity[] = [];
  for (const [i, p] of people.entries()) {
    await expectOk(`sms.send ${p.phone}`, emu.call('sms', { action: 'send', phone: p.phone, purpose: 'register' }));
    const [sms] = (await emu.db.find(C.devSms, { phone: p.phone })).sort((a, b) => new Date(b.sentAt).getTime() - new Date(a.sentAt).getTime());
    const orgIds = p.openid === 'demo-vol4' ? [tianshui._id] : p.openid === 'demo-leader' ? [root._id] : [lanzhou._id];
    await expectOk(
      `user.register ${p.realName}`,
      emu.call(
        'user',
        {
          action: 'register',
          phone: p.phone,
          smsCode: sms.code,
          realName: p.realName,
          gender: p.gender,
          idNumber: demoIdNumber(p.birth, 11 + i * 2),
          education: '本科',
          employer: '甘肃省科学技术协会',
          region: LANZHOU,
          serviceCategories: ['科普报告', '青少年科技教育'],
          orgIds,
          consentVersion: CONSENT_VERSION,
        },
        p.openid,
      ),
    );
    identities.push({ openid: p.openid, label: p.label, role: p.role, order: i });
  }

  // Reviews and roles belong to issue #3's actions; until then the demo sets them directly.
  const db = database();
  const _ = db.command;
  await db.collection(C.memberships).where({ orgId: lanzhou._id, openid: _.in(['demo-admin', 'demo-vol1', 'demo-vol2', 'demo-vol3']) }).update({ status: 'approved', reviewedAt: now });
  await db.collection(C.memberships).where({ orgId: lanzhou._id, openid: 'demo-admin' }).update({ role: 'admin' });
  await db.collection(C.memberships).add([
    { _id: `${lanzhou._id}_demo-leader`, orgId: lanzhou._id, openid: 'demo-leader', status: 'approved', role: 'leader', appliedAt: now, reviewedAt: now },
    { _id: `${tianshui._id}_demo-leader`, orgId: tianshui._id, openid: 'demo-leader', status: 'approved', role: 'leader', appliedAt: now, reviewedAt: now },
  ]);
  await emu.db.insert('_dev_identities', identities);
  return { seeded: true, identities };
}
