// Demo data for `npm start`: a root 总队 in Gansu with two 支队, a leader, an admin and volunteers,
// created through the real functions (SMS outbox → user.register) wherever a function exists.
import { clock } from './clock';
import { randomBytes } from 'node:crypto';
import type { DatabaseEngine } from './db';
import { C } from '../cloudfunctions/common/db/collections';
import { database } from '../cloudfunctions/common/cloud';
import { idCheckDigit } from '@contract/id-number';
import { CONSENT_VERSION } from '@contract/enums';
import { ROOT_SETTING_ID } from '../cloudfunctions/common/db/settings.repository';

/** What the seed reads back from an answer: the ids of what it created. */
type Seeded = { org: { _id: string }; activity: { _id: string }; need: { needId: string }; training: { trainingId: string } };
type Answer = { ok: boolean; data?: Seeded; code?: string; message?: string };

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
  {
    openid: 'demo-leader',
    realName: '王建国',
    gender: 'male',
    birth: '19750312',
    phone: '13800000001',
    label: '王建国（总队负责人）',
    role: 'leader',
  },
  {
    openid: 'demo-admin',
    realName: '李敏',
    gender: 'female',
    birth: '19880521',
    phone: '13800000002',
    label: '李敏（兰州支队管理员）',
    role: 'admin',
  },
  {
    openid: 'demo-vol1',
    realName: '张伟',
    gender: 'male',
    birth: '19920808',
    phone: '13800000003',
    label: '张伟（志愿者）',
    role: 'member',
  },
  {
    openid: 'demo-vol2',
    realName: '刘洋',
    gender: 'female',
    birth: '19950117',
    phone: '13800000004',
    label: '刘洋（志愿者）',
    role: 'member',
  },
  {
    openid: 'demo-vol3',
    realName: '陈静',
    gender: 'female',
    birth: '19990630',
    phone: '13800000005',
    label: '陈静（志愿者）',
    role: 'member',
  },
  {
    openid: 'demo-vol4',
    realName: '赵磊',
    gender: 'male',
    birth: '20010225',
    phone: '13800000006',
    label: '赵磊（待审核）',
    role: 'member',
  },
] as const;

/** A valid number for a demo person: the 17th digit (the last of `seq`) is odd for men, even for women, as on a real card. */
export function demoIdNumber(birth: string, seq: number, gender: 'male' | 'female'): string {
  const sexed = seq % 2 === (gender === 'male' ? 1 : 0) ? seq : seq + 1;
  const first17 = `620102${birth}${String(sexed).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

async function expectOk(what: string, p: Promise<unknown>): Promise<Seeded> {
  const r = (await p) as Answer;
  if (!r.ok || !r.data) throw new Error(`seed: ${what} failed: ${r.code} ${r.message}`);
  return r.data;
}

export async function seedDemo(emu: SeedTarget): Promise<{ seeded: boolean; identities: DemoIdentity[] }> {
  const existing = await emu.db.find(C.settings, { _id: ROOT_SETTING_ID });
  if (existing.length > 0) return { seeded: false, identities: await emu.db.find('_dev_identities') };
  const token = process.env.BOOTSTRAP_TOKEN;
  if (!token) throw new Error('seed: BOOTSTRAP_TOKEN is not set');

  const root = (
    await expectOk(
      'bootstrapRoot',
      emu.call('org', { action: 'bootstrapRoot', name: '甘肃省科技志愿服务总队', region: LANZHOU, bootstrapToken: token }, 'demo-leader'),
    )
  ).org;
  const now = clock.now(); // the emulator's clock: a moved clock seeds activities around its own today
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
    await expectOk(`sms.send ${p.phone}`, emu.call('sms', { action: 'send', phone: p.phone, purpose: 'register' }, p.openid));
    const [sms] = (await emu.db.find(C.devSms, { phone: p.phone })).sort(
      (a, b) => new Date(b.sentAt).getTime() - new Date(a.sentAt).getTime(),
    );
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
          idNumber: demoIdNumber(p.birth, 11 + i * 2, p.gender),
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

  await seedAppeal(emu);

  // Reviews and roles belong to issue #3's actions; until then the demo sets them directly.
  const db = database();
  const _ = db.command;
  await db
    .collection(C.memberships)
    .where({ orgId: lanzhou._id, openid: _.in(['demo-admin', 'demo-vol1', 'demo-vol2', 'demo-vol3']) })
    .update({ status: 'approved', reviewedAt: now });
  await db.collection(C.memberships).where({ orgId: lanzhou._id, openid: 'demo-admin' }).update({ role: 'admin' });
  await db.collection(C.memberships).add([
    {
      _id: `${lanzhou._id}_demo-leader`,
      orgId: lanzhou._id,
      openid: 'demo-leader',
      status: 'approved',
      role: 'leader',
      appliedAt: now,
      reviewedAt: now,
    },
    {
      _id: `${tianshui._id}_demo-leader`,
      orgId: tianshui._id,
      openid: 'demo-leader',
      status: 'approved',
      role: 'leader',
      appliedAt: now,
      reviewedAt: now,
    },
  ]);
  await seedActivities(emu, { lanzhou: lanzhou._id, tianshui: tianshui._id }, now);
  await seedNeeds(emu, lanzhou._id, now);
  await seedTrainingsAndComplaint(emu, lanzhou._id, now);
  await emu.db.insert('_dev_identities', identities);
  return { seeded: true, identities };
}

/**
 * A 身份冲突 appeal for the 总队 to decide (审核 → 身份核验申请): someone says the ID number 陈静 registered with is
 * theirs. Filed through user.appealIdentity with a code from the outbox, like a registration.
 */
async function seedAppeal(emu: SeedTarget): Promise<void> {
  const index = people.findIndex((p) => p.openid === 'demo-vol3');
  const holder = people[index];
  const phone = '13800000007';
  await expectOk('sms.send appeal', emu.call('sms', { action: 'send', phone, purpose: 'register' }, 'demo-owner'));
  const [sms] = await emu.db.find(C.devSms, { phone });
  await expectOk(
    'user.appealIdentity',
    emu.call(
      'user',
      {
        action: 'appealIdentity',
        phone,
        smsCode: sms.code,
        idNumber: demoIdNumber(holder.birth, 11 + index * 2, holder.gender),
        realName: '陈静',
        statement: '我注册时提示身份证号已被注册，但我从未注册过，请核实',
      },
      'demo-owner',
    ),
  );
}

// ---- Activities in each phase, published, joined and recorded through the real functions ----

const DONGFANGHONG = { lat: 36.0577, lng: 103.8342 }; // 兰州 东方红广场 (GCJ-02)
const TIANSHUI_SQUARE = { lat: 34.5812, lng: 105.7245 }; // 天水 中心广场 (GCJ-02)
const DAY = 86_400_000;
/** YYYY-MM-DD in Asia/Shanghai, `days` from `at`. */
const shDate = (at: Date, days = 0) => new Date(at.getTime() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
const iso = (at: Date) => at.toISOString();

function activityInput(orgId: string, over: Record<string, unknown>) {
  return {
    orgId,
    category: '科普讲解',
    description: '围绕节能环保、防灾减灾和健康生活，为社区居民开展互动科普讲解，并发放科普资料。',
    serviceTargets: ['社区居民', '老年人'],
    region: LANZHOU,
    address: '兰州市城关区东方红广场',
    location: DONGFANGHONG,
    dailyStart: '09:00',
    dailyEnd: '17:00',
    capacity: 30,
    waitlist: true,
    riskNotice: '户外活动，请注意防寒保暖；本活动已为志愿者购买意外伤害保险。',
    ...over,
  };
}

async function seedActivities(emu: SeedTarget, orgs: { lanzhou: string; tianshui: string }, now: Date) {
  const publish = async (input: Record<string, unknown>, by = 'demo-admin') =>
    (await expectOk(`activity.publish ${input.title}`, emu.call('activity', { action: 'publish', ...input }, by))).activity;
  const enroll = (activityId: string, openids: string[]) =>
    Promise.all(openids.map((o) => expectOk(`activity.enroll ${o}`, emu.call('activity', { action: 'enroll', activityId }, o))));
  const update = (activityId: string, patch: Record<string, unknown>) =>
    expectOk('activity.update', emu.call('activity', { action: 'update', activityId, ...patch }, 'demo-admin'));
  const openSignup = { signupStartAt: iso(new Date(now.getTime() - DAY)) };

  // 报名中: next week, two days, the volunteers can enroll (张伟 already has).
  const recruiting = await publish(
    activityInput(orgs.lanzhou, {
      title: '“科技为民”社区科普讲解',
      startDate: shDate(now, 7),
      endDate: shDate(now, 8),
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + 6 * DAY)),
      keyDay: '科技活动周',
    }),
  );
  await enroll(recruiting._id, ['demo-vol1']);
  // 报名中, only for members of the team and the teams below it.
  await publish(
    activityInput(orgs.lanzhou, {
      title: '青少年科技教育进校园',
      category: '青少年科技教育',
      serviceTargets: ['青少年'],
      address: '兰州市城关区第一中学',
      audience: 'members',
      capacity: 10,
      waitlist: false,
      startDate: shDate(now, 10),
      endDate: shDate(now, 10),
      dailyStart: '14:00',
      dailyEnd: '16:30',
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + 9 * DAY)),
    }),
  );
  // 报名结束: enrolled while open, then the signup closed.
  const closed = await publish(
    activityInput(orgs.lanzhou, {
      title: '防灾减灾知识宣讲',
      startDate: shDate(now, 3),
      endDate: shDate(now, 3),
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + DAY)),
    }),
  );
  await enroll(closed._id, ['demo-vol1', 'demo-vol2']);
  await update(closed._id, { signupEndAt: iso(new Date(now.getTime() - 3_600_000)) });
  // 活动中: yesterday to tomorrow, 08:00–20:00 each day: the admin shows the code, volunteers scan today.
  const ongoing = await publish(
    activityInput(orgs.lanzhou, {
      title: '全国科普日主题展',
      keyDay: '全国科普日',
      startDate: shDate(now, 5),
      endDate: shDate(now, 7),
      dailyStart: '08:00',
      dailyEnd: '20:00',
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + DAY)),
    }),
  );
  await enroll(ongoing._id, ['demo-vol1', 'demo-vol2', 'demo-vol3']);
  await update(ongoing._id, {
    startDate: shDate(now, -1),
    endDate: shDate(now, 1),
    signupEndAt: iso(new Date(now.getTime() - 2 * DAY)),
    signupStartAt: iso(new Date(now.getTime() - 5 * DAY)),
  });
  // 活动结束: last week; the admin recorded the day (补录) so 我的时长, 证明 and 统计报表 have hours.
  const ended = await publish(
    activityInput(orgs.lanzhou, {
      title: '农村科技培训：大棚种植技术',
      category: '科技培训',
      serviceTargets: ['农民'],
      startDate: shDate(now, 4),
      endDate: shDate(now, 4),
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + DAY)),
    }),
  );
  await enroll(ended._id, ['demo-vol1', 'demo-vol2']);
  const lastWeek = shDate(now, -7);
  await update(ended._id, {
    startDate: lastWeek,
    endDate: lastWeek,
    signupStartAt: iso(new Date(now.getTime() - 14 * DAY)),
    signupEndAt: iso(new Date(now.getTime() - 8 * DAY)),
  });
  for (const [openid, out] of [
    ['demo-vol1', '16:30'],
    ['demo-vol2', '12:00'],
  ] as const) {
    await expectOk(
      'checkin.adjust',
      emu.call(
        'checkin',
        {
          action: 'adjust',
          activityId: ended._id,
          openid,
          date: lastWeek,
          signInAt: `${lastWeek}T09:00:00+08:00`,
          signOutAt: `${lastWeek}T${out}:00+08:00`,
          reason: '按现场签到表补录',
        },
        'demo-admin',
      ),
    );
  }
  // Closing it, the admin recorded the people served and what was done (附件3's 受众 and 亮点活动).
  await expectOk(
    'activity.recordServed',
    emu.call(
      'activity',
      { action: 'recordServed', activityId: ended._id, servedCount: 85, summary: '讲解大棚温湿度管理和病虫害绿色防控，现场解答种植户问题' },
      'demo-admin',
    ),
  );
  // 已取消.
  const cancelled = await publish(
    activityInput(orgs.lanzhou, {
      title: '黄河湿地生态科普行',
      startDate: shDate(now, 5),
      endDate: shDate(now, 5),
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + 4 * DAY)),
    }),
  );
  await expectOk(
    'activity.cancel',
    emu.call('activity', { action: 'cancel', activityId: cancelled._id, reason: '天气预报有大风降温，活动取消' }, 'demo-admin'),
  );
  // 天水: a recruiting activity of the other team, led by 王建国.
  await publish(
    activityInput(orgs.tianshui, {
      title: '农技服务下乡：苹果园冬季管理',
      category: '农技服务',
      serviceTargets: ['农民'],
      region: TIANSHUI,
      address: '天水市秦州区中心广场',
      location: TIANSHUI_SQUARE,
      startDate: shDate(now, 12),
      endDate: shDate(now, 13),
      ...openSignup,
      signupEndAt: iso(new Date(now.getTime() + 11 * DAY)),
    }),
    'demo-leader',
  );
}

// ---- 供需对接: a need in every state, through the real functions ----

/**
 * Needs of 兰州's 城关区 (兰州 covers them; 王建国 leads it and the 总队, 李敏 administers it), one in each state:
 * 待响应 (also in 需求广场: 兰州 allows self-service), 已派单, 已接单 with its activity published, 服务中, 待评价, 已完成
 * (rated) and 已关闭. Each was posted a day or more before the seed's clock, so times to accept read as hours.
 */
async function seedNeeds(emu: SeedTarget, lanzhou: string, now: Date) {
  const call = (fn: string, what: string, event: Record<string, unknown>, openid: string) =>
    expectOk(`${fn}.${String(event.action)} ${what}`, emu.call(fn, event, openid));
  const db = database();
  const post = async (i: number, over: Record<string, unknown>) => {
    const phone = `1380000002${i}`;
    const openid = `demo-requester-${i}`;
    await call('sms', phone, { action: 'send', phone, purpose: 'need' }, openid);
    const [sms] = (await emu.db.find(C.devSms, { phone })).sort((a, b) => new Date(b.sentAt).getTime() - new Date(a.sentAt).getTime());
    const { need } = await call(
      'need',
      phone,
      {
        action: 'post',
        requesterKind: '社区',
        requesterName: '东岗街道东岗社区',
        category: '科普讲解',
        description: '社区老年居民较多，希望志愿者讲解常见电信诈骗套路和防范方法，并现场解答问题。',
        region: LANZHOU,
        address: '兰州市城关区东岗西路社区活动室',
        preferredFrom: shDate(now, 7),
        preferredTo: shDate(now, 14),
        audienceSize: 60,
        contactName: '马主任',
        phone,
        smsCode: sms.code,
        ...over,
      },
      openid,
    );
    // Posted earlier than the seed's clock: the first step moves back with it.
    const postedAt = new Date(now.getTime() - (20 + i * 7) * 3_600_000);
    const [doc] = await emu.db.find(C.needs, { _id: need.needId });
    const history = (doc.history as { step: string; at: Date }[]).map((h) => (h.step === 'posted' ? { ...h, at: postedAt } : h));
    await db.collection(C.needs).doc(need.needId).update({ postedAt, history });
    return { needId: need.needId, openid };
  };
  const dispatch = (needId: string) =>
    call('need', needId, { action: 'dispatch', needId, orgId: lanzhou, note: '请兰州支队安排志愿者' }, 'demo-leader');
  const accept = (needId: string) => call('need', needId, { action: 'accept', needId }, 'demo-admin');
  const publish = async (needId: string, title: string) =>
    (
      await call(
        'activity',
        title,
        {
          action: 'publish',
          ...activityInput(lanzhou, {
            title,
            address: '兰州市城关区东岗西路社区活动室',
            startDate: shDate(now, 9),
            endDate: shDate(now, 9),
            signupStartAt: iso(new Date(now.getTime() - DAY)),
            signupEndAt: iso(new Date(now.getTime() + 8 * DAY)),
          }),
          needId,
        },
        'demo-admin',
      )
    ).activity._id;
  const move = (activityId: string, from: number, to: number) =>
    call(
      'activity',
      activityId,
      {
        action: 'update',
        activityId,
        startDate: shDate(now, from),
        endDate: shDate(now, to),
        signupStartAt: iso(new Date(now.getTime() + (from - 7) * DAY)),
        signupEndAt: iso(new Date(now.getTime() + (from - 1) * DAY)),
      },
      'demo-admin',
    );

  // 待响应, in 需求广场 too.
  await post(1, { title: '老年人防范电信诈骗科普讲座' });
  await call('need', 'self-service', { action: 'setSelfService', orgId: lanzhou, allow: true }, 'demo-leader');
  // 已派单: waiting for 兰州 to accept.
  const dispatched = await post(2, {
    requesterKind: '学校',
    requesterName: '兰州市城关区第二小学',
    category: '青少年科技教育',
    title: '小学生科学实验课',
    description: '希望志愿者为四年级学生上一堂动手科学实验课，材料由学校准备。',
    audienceSize: 45,
  });
  await dispatch(dispatched.needId);
  // 已接单, its activity published and recruiting.
  const accepted = await post(3, { category: '科技咨询', title: '社区居民家电安全用电咨询' });
  await dispatch(accepted.needId);
  await accept(accepted.needId);
  await publish(accepted.needId, '社区安全用电咨询服务');
  // 服务中: its activity runs from yesterday to tomorrow.
  const serving = await post(4, {
    requesterKind: '村委会',
    requesterName: '皋兰县石洞村村委会',
    category: '农技服务',
    title: '冬季温室蔬菜种植技术指导',
  });
  await dispatch(serving.needId);
  await accept(serving.needId);
  await move(await publish(serving.needId, '温室蔬菜种植技术指导'), -1, 1);
  // 待评价 and 已完成: their activities ended last week; one is rated.
  const ended = async (i: number, title: string, activityTitle: string) => {
    const n = await post(i, { title });
    await dispatch(n.needId);
    await accept(n.needId);
    await move(await publish(n.needId, activityTitle), -6, -6);
    return n;
  };
  await ended(5, '社区健康生活方式科普讲座', '健康生活方式科普讲座');
  const rated = await ended(6, '垃圾分类知识进社区', '垃圾分类知识宣讲');
  await call(
    'need',
    'rate',
    { action: 'rate', needId: rated.needId, stars: 5, tags: ['专业', '热情'], comment: '讲解生动，居民很喜欢' },
    rated.openid,
  );
  // 已关闭, with the reason.
  const closed = await post(7, { requesterKind: '个人', requesterName: undefined, title: '家庭电脑维修求助' });
  await call(
    'need',
    'close',
    { action: 'close', needId: closed.needId, reason: '不属于科技志愿服务范围，已建议联系维修服务' },
    'demo-leader',
  );
}

// ---- 培训 and 投诉, through the real functions ----

/**
 * 兰州支队's trainings: a 岗前培训 last week that three volunteers attended (entered as a list), and a 安全 training
 * today whose code 李敏 can show. One 投诉 about 兰州支队, waiting for the 总队 (王建国) to answer.
 */
async function seedTrainingsAndComplaint(emu: SeedTarget, lanzhou: string, now: Date) {
  const call = (fn: string, what: string, event: Record<string, unknown>, openid: string) =>
    expectOk(`${fn}.${String(event.action)} ${what}`, emu.call(fn, event, openid));
  const training = async (over: Record<string, unknown>) => {
    const event = {
      action: 'createTraining',
      orgId: lanzhou,
      type: '岗前培训',
      hours: 2,
      trainer: '王建国',
      content: '志愿服务基本规范、活动现场签到签退和安全须知。',
      ...over,
    };
    return (await call('record', String(over.title), event, 'demo-admin')).training.trainingId;
  };
  const past = await training({ title: '新志愿者岗前培训', date: shDate(now, -7), startTime: '14:00' });
  await call(
    'record',
    'trainees',
    { action: 'addTrainees', trainingId: past, people: ['13800000003', '13800000004', '13800000005'] },
    'demo-admin',
  );
  await training({ title: '冬季户外活动安全培训', type: '安全', date: shDate(now), startTime: '19:00', hours: 1.5, trainer: '李敏' });

  const phone = '13800000031';
  const openid = 'demo-complainant';
  await call('sms', phone, { action: 'send', phone, purpose: 'complaint' }, openid);
  const [sms] = (await emu.db.find(C.devSms, { phone })).sort((a, b) => new Date(b.sentAt).getTime() - new Date(a.sentAt).getTime());
  await call(
    'org',
    'complain',
    {
      action: 'complain',
      target: { orgId: lanzhou },
      category: '时长记录',
      content: '上周参加社区科普活动，签退时现场没有网络，我的服务时长至今没有记录，请帮忙核实。',
      contactName: '刘女士',
      phone,
      smsCode: sms.code,
    },
    openid,
  );
}
