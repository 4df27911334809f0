// record.handoffExport and record.handoffs: 移交全国志愿服务信息系统 (民政部令第67号 第四条: records kept elsewhere are
// gathered into the ministry's system by its unified data standard). A team's leader exports what changed in its
// subtree since its last hand-off (or within a period) as an xlsx and a JSON file in cloud storage; the ledger keeps
// each hand-off's window, so nothing is sent twice and nothing is missed, and lets only one export of a team run at once.
import {
  HANDOFF_KINDS,
  HANDOFF_MODE_LABEL,
  HANDOFF_SHEET,
  HANDOFFS_LISTED,
  type Handoff,
  type HandoffCounts,
  type HandoffKind,
  type RecordHandoffExportInput,
  type RecordHandoffExportOutput,
  type RecordHandoffsInput,
  type RecordHandoffsOutput,
} from '@contract/handoff';
import { GENDER_LABEL, ORG_STATUS_LABEL } from '@contract/enums';
import { EVALUATION_GRADE_LABEL } from '@contract/evaluation';
import { COMMENDATION_LEVEL_LABEL, COMMENDATION_SUBJECT_LABEL } from '@contract/commendation';
import { TRAINING_VIA_LABEL } from '@contract/record';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireLedOrg } from '../access';
import { teamsOf } from '../report/report-scope';
import { fileStorage } from '../../adapters';
import { handoffXlsx } from '../../adapters/handoff-xlsx';
import { approvedMembershipsOf, volunteersByIds } from '../../db/report.repository';
import { namesOf } from '../../db/volunteer.repository';
import { titlesOf } from '../../db/activity.repository';
import type { MembershipDoc, OrgDoc } from '../../db/org.repository';
import {
  approvedCommendationsWithin,
  attendanceOfTrainings,
  changedActivities,
  changedAttendance,
  changedDayRecords,
  changedEvaluations,
  changedTrainings,
  claimHandoff,
  finishHandoff,
  handoffId,
  lastSinceLast,
  latestHandoffs,
  peopleByIds,
  trainingsWithIds,
  type HandoffDoc,
  type HandoffPerson,
} from '../../db/handoff.repository';
import { blocksNext, HANDOFF_COLUMNS, periodWindow, sinceLastWindow, within, type HandoffWindow } from '../../domain/handoff';
import { regionName } from '../../domain/report-forms';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { dateTimeOf } from '@contract/time';

/** Hand-offs are the leader's: the files carry every member's personal data for the whole subtree. */
export const HANDOFF_LEADERS_ONLY = '只有本队负责人可以移交全国志愿服务信息系统';

type Rows = Record<HandoffKind, string[][]>;
const day = (at: Date | undefined) => (at ? shanghaiDate(at) : '');
const time = (at: Date | undefined) => (at ? dateTimeOf(toIso(at)) : '');
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/** Everything of the subtree that changed within the window, as the rows of each sheet. */
async function gather(org: OrgDoc, w: HandoffWindow): Promise<Rows> {
  const teams = await teamsOf(org, true);
  const ids = teams.map((t) => t._id);
  const teamName = new Map(teams.map((t) => [t._id, t.name]));
  const [memberships, activities, records, trainings, attendance, commendations, evaluations] = await Promise.all([
    approvedMembershipsOf(ids),
    changedActivities(ids, w),
    changedDayRecords(ids, w),
    changedTrainings(ids, w),
    changedAttendance(ids, w),
    approvedCommendationsWithin(org._id, w),
    changedEvaluations(ids, w),
  ]);

  // 志愿者: a member whose profile changed or who joined a team of the subtree within the window; listed once, under the first team.
  const first = new Map<string, MembershipDoc>();
  for (const m of memberships) if (!first.has(m.openid)) first.set(m.openid, m);
  const people = await volunteersByIds([...first.keys()]);
  const joined = (m: MembershipDoc) => m.reviewedAt ?? m.appliedAt;
  const volunteers: string[][] = [];
  for (const [openid, m] of first) {
    const v = people.get(openid);
    if (!v || v.withdrawnAt) continue;
    const changed =
      within(w, v.updatedAt) || within(w, v.registeredAt) || memberships.some((x) => x.openid === openid && within(w, joined(x)));
    if (!changed) continue;
    volunteers.push([
      v.realName,
      v.nationalVolunteerId ?? '',
      v.volunteerNo ?? '',
      GENDER_LABEL[v.gender] ?? '',
      '居民身份证',
      v.idNumberMasked ?? '',
      v.birthDate ?? '',
      v.ethnicity ?? '',
      v.politicalStatus ?? '',
      v.education ?? '',
      v.employer ?? '',
      regionName(v.region),
      (v.serviceCategories ?? []).join('、'),
      teamName.get(m.orgId) ?? '',
      day(joined(m)),
      day(v.registeredAt),
    ]);
  }

  const teamRows = teams
    .filter((t) => within(w, t.createdAt) || within(w, t.reviewedAt) || within(w, (t as { updatedAt?: Date }).updatedAt))
    .map((t) => [
      t.name,
      t._id,
      t.parentId ? (teamName.get(t.parentId) ?? '') : '',
      t.level ?? '',
      regionName(t.region),
      ORG_STATUS_LABEL[t.status] ?? t.status,
      day(t.reviewedAt ?? t.createdAt),
    ]);

  const projects = activities.map((a) => [
    a.title,
    a._id,
    a.orgName ?? teamName.get(a.orgId) ?? '',
    a.category ?? '',
    a.startDate,
    a.endDate,
    a.address ?? '',
    a.status === 'cancelled' ? '已取消' : '已发布',
    String(a.servedCount ?? ''),
  ]);

  // 培训: one row per trainee; a changed training sends all of its trainees again.
  const changedTrainingIds = new Set(trainings.map((t) => t._id));
  const trainees = [
    ...attendance.filter((a) => !changedTrainingIds.has(a.trainingId)),
    ...(await attendanceOfTrainings([...changedTrainingIds])),
  ];
  const trainingById = new Map(trainings.map((t) => [t._id, t]));
  const missing = [...new Set(trainees.map((a) => a.trainingId))].filter((id) => !trainingById.has(id));
  for (const t of await trainingsWithIds(missing)) trainingById.set(t._id, t);

  const openids = [
    ...records.map((r) => r.openid),
    ...trainees.map((a) => a.openid),
    ...evaluations.map((e) => e.openid),
    ...commendations.flatMap((c) => (c.subjectOpenid ? [c.subjectOpenid] : [])),
  ];
  const [who, titles] = await Promise.all([
    peopleByIds(openids),
    titlesOf([...new Set([...records.map((r) => r.activityId), ...evaluations.map((e) => e.activityId)])]),
  ]);
  const person = (openid: string) => {
    const p: HandoffPerson | undefined = who.get(openid);
    return [p?.realName ?? '（志愿者资料缺失）', p?.nationalVolunteerId ?? '', p?.volunteerNo ?? ''];
  };
  const title = (activityId: string) => titles.get(activityId) ?? '（活动已删除）';

  const serviceRecords = records.map((r) => [
    ...person(r.openid),
    title(r.activityId),
    r._id,
    r.date,
    time(r.signInAt),
    time(r.signOutAt),
    hours(r.minutes),
    teamName.get(r.orgId) ?? '',
  ]);
  const trainingRows = trainees.flatMap((a) => {
    const t = trainingById.get(a.trainingId);
    if (!t) return [];
    return [
      [
        ...person(a.openid),
        t.title,
        t._id,
        t.type,
        t.date,
        String(t.hours),
        t.trainer,
        t.orgName,
        t.status === 'cancelled' ? '已取消' : '已举办',
        TRAINING_VIA_LABEL[a.via] ?? a.via,
      ],
    ];
  });
  const commendationRows = commendations.map((c) => [
    c.title,
    c._id,
    COMMENDATION_SUBJECT_LABEL[c.subjectKind],
    c.subjectName,
    c.subjectOpenid ? (who.get(c.subjectOpenid)?.nationalVolunteerId ?? '') : '',
    c.subjectOrgName,
    COMMENDATION_LEVEL_LABEL[c.level] ?? c.level,
    c.issuer,
    c.date,
  ]);
  const evaluationRows = evaluations.map((e) => [
    ...person(e.openid),
    EVALUATION_GRADE_LABEL[e.grade],
    e.comment ?? '',
    title(e.activityId),
    teamName.get(e.orgId) ?? '',
    day(e.evaluatedAt),
  ]);
  return {
    volunteers,
    teams: teamRows,
    projects,
    serviceRecords,
    trainings: trainingRows,
    commendations: commendationRows,
    evaluations: evaluationRows,
  };
}

const countsOf = (rows: Rows): HandoffCounts => Object.fromEntries(HANDOFF_KINDS.map((k) => [k, rows[k].length])) as HandoffCounts;

/** The same rows, machine-readable: each row an object keyed by its column headers (the standard's items where known). */
function handoffJson(meta: Record<string, unknown>, rows: Rows): Buffer {
  const sheets = Object.fromEntries(
    HANDOFF_KINDS.map((k) => {
      const columns = HANDOFF_COLUMNS[k];
      return [
        k,
        {
          name: HANDOFF_SHEET[k],
          columns: columns.map((c) => ({ name: c.header, ...(c.item ? { standardItem: c.item } : {}) })),
          rows: rows[k].map((r) => Object.fromEntries(columns.map((c, i) => [c.header, r[i] ?? '']))),
        },
      ];
    }),
  );
  return Buffer.from(JSON.stringify({ ...meta, sheets }, null, 2), 'utf8');
}

export async function handoffExport(input: RecordHandoffExportInput, ctx: Ctx): Promise<RecordHandoffExportOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireLedOrg(openid, input.orgId, HANDOFF_LEADERS_ONLY);
  const now = ctx.now;
  const [latest] = await latestHandoffs(org._id, 1);
  if (blocksNext(latest, now)) throw new AppError(ErrorCode.HANDOFF_BUSY);
  const w =
    input.mode === 'sinceLast'
      ? sinceLastWindow((await lastSinceLast(org._id))?.to, now)
      : periodWindow(input.from ?? '', input.to ?? '', now);
  const seq = (latest?.seq ?? 0) + 1;
  const id = handoffId(org._id, seq);
  const byName = (await namesOf([openid])).get(openid) ?? '';
  const claim: HandoffDoc = {
    _id: id,
    orgId: org._id,
    seq,
    mode: input.mode,
    status: 'running',
    ...(w.from ? { from: w.from } : {}),
    to: w.to,
    by: openid,
    byName,
    at: now,
  };
  // The sequence number is the claim: a second export that read the same latest hand-off is refused here.
  if (!(await claimHandoff(claim))) throw new AppError(ErrorCode.HANDOFF_BUSY);
  try {
    const rows = await gather(org, w);
    const counts = countsOf(rows);
    const range = `${w.from ? toIso(w.from) : '最早的记录'} 之后至 ${toIso(w.to)}`;
    const meta = {
      standard: '志愿服务信息系统基本规范（MZ/T 061-2015）',
      handoffId: id,
      team: org.name,
      mode: input.mode,
      from: w.from ? toIso(w.from) : null,
      to: toIso(w.to),
      exportedAt: toIso(now),
      counts,
    };
    const xlsx = await handoffXlsx({
      heading: `移交全国志愿服务信息系统：${org.name}`,
      notes: [
        `移交编号：${id}（${HANDOFF_MODE_LABEL[input.mode]}）`,
        `范围：本队及下级队伍在 ${range} 新增或变更的记录`,
        `导出人：${byName}，导出时间：${time(now)}（北京时间）`,
        '证件号码已脱敏；各列与《志愿服务信息系统基本规范》数据项的对应见 docs/HANDOFF.md。',
        ...HANDOFF_KINDS.map((k) => `${HANDOFF_SHEET[k]}：${counts[k]} 条`),
      ],
      sheets: HANDOFF_KINDS.map((k) => ({
        name: HANDOFF_SHEET[k],
        columns: HANDOFF_COLUMNS[k].map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 2) })),
        rows: rows[k],
      })),
    });
    const storage = fileStorage();
    const folder = `handoffs/${org._id}`;
    const xlsxId = await storage.upload(`${folder}/${id}.xlsx`, xlsx);
    const jsonId = await storage.upload(`${folder}/${id}.json`, handoffJson(meta, rows));
    await finishHandoff(id, { status: 'done', counts, fileIds: { xlsx: xlsxId, json: jsonId }, finishedAt: new Date(now.getTime()) });
    const urls = await storage.urls([xlsxId, jsonId]);
    return { handoffId: id, counts, xlsxUrl: urls.get(xlsxId) ?? '', jsonUrl: urls.get(jsonId) ?? '' };
  } catch (err) {
    // Its window was never sent: the next sinceLast starts from the last finished one again.
    await finishHandoff(id, { status: 'failed' }).catch((e: unknown) => console.error(`[handoff] ${id} left running`, e));
    throw err;
  }
}

export async function handoffs(input: RecordHandoffsInput, ctx: Ctx): Promise<RecordHandoffsOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireLedOrg(openid, input.orgId, HANDOFF_LEADERS_ONLY);
  const done = (await latestHandoffs(org._id, HANDOFFS_LISTED)).filter((h) => h.status === 'done');
  const fileIds = done.flatMap((h) => (h.fileIds ? [h.fileIds.xlsx, h.fileIds.json] : []));
  const urls = fileIds.length ? await fileStorage().urls(fileIds) : new Map<string, string>();
  const items: Handoff[] = done.map((h) => ({
    handoffId: h._id,
    orgId: h.orgId,
    mode: h.mode,
    ...(h.from ? { from: toIso(h.from) } : {}),
    to: toIso(h.to),
    counts: h.counts ?? (Object.fromEntries(HANDOFF_KINDS.map((k) => [k, 0])) as HandoffCounts),
    byName: h.byName,
    at: toIso(h.at),
    ...(h.fileIds && urls.get(h.fileIds.xlsx) ? { xlsxUrl: urls.get(h.fileIds.xlsx) } : {}),
    ...(h.fileIds && urls.get(h.fileIds.json) ? { jsonUrl: urls.get(h.fileIds.json) } : {}),
  }));
  return { items };
}
