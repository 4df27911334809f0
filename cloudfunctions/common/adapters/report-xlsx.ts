// The exports as spreadsheets (exceljs), laid out like the paper forms 科协 send upward: 附件2 科技志愿者支队基本情况表,
// 附件3 科技志愿服务活动情况统计表 with its activity list, and an activity's 签到记录. Rows come in as plain text.
import type ExcelJS from 'exceljs';
import { loadExcel } from './heavy-modules';
import { ACTIVITY_FORM_TITLE, MEMBERS_FORM_TITLE, STAT_CATEGORIES } from '@contract/report';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '宋体', bold: true, size: 16 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export async function workbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  wb.creator = '科技志愿服务';
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Lines a wrapped text takes in a cell `width` characters wide (a Chinese character counts two). */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    const units = Array.from(line).reduce((s, ch) => s + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    return n + Math.max(1, Math.ceil(units / Math.max(1, width)));
  }, 0);
}

export function title(ws: ExcelJS.Worksheet, row: number, columns: number, text: string): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = TITLE_FONT;
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 30;
}

export function line(ws: ExcelJS.Worksheet, row: number, columns: number, text: string): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
}

export interface Column {
  header: string;
  width: number;
}

/** A header row and data rows with borders; returns the row after the table. */
export function table(ws: ExcelJS.Worksheet, firstRow: number, columns: readonly Column[], rows: readonly (string | number)[][]): number {
  const header = ws.getRow(firstRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(firstRow + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: firstRow }];
  return firstRow + 1 + rows.length;
}

// ---- 附件2 科技志愿者支队基本情况表 ----

export const MEMBER_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '志愿者姓名', width: 11 },
  { header: '性别', width: 6 },
  { header: '单位', width: 22 },
  { header: '职务/职称', width: 10 },
  { header: '志愿者编号', width: 15 },
  { header: '身份证号', width: 20 },
  { header: '联系电话', width: 14 },
  { header: '政治面貌', width: 11 },
  { header: '民族', width: 8 },
  { header: '最高学历', width: 11 },
  { header: '从业类别', width: 10 },
  { header: '所在地区', width: 22 },
  { header: '服务类别', width: 24 },
  { header: '服务领域', width: 24 },
  { header: '可服务时间', width: 16 },
  { header: '基层“四长”', width: 12 },
  { header: '队内职务', width: 9 },
  { header: '加入日期', width: 12 },
  // 评价 (《志愿服务记录与证明出具办法》 Art. 4): the person's latest, given by the teams of the form, up to its day.
  { header: '最近评价', width: 30 },
];

export interface MembersSheet {
  orgName: string;
  /** 2026年11月23日 */
  filledOn: string;
  /** With the teams below: a 所属队伍 column. */
  teamColumn: boolean;
  /** One array per member, in MEMBER_COLUMNS order without 序号 (and with the team name last when teamColumn). */
  rows: string[][];
  note: string;
}

export async function membersXlsx(s: MembersSheet): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('附件2', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = s.teamColumn ? [...MEMBER_COLUMNS, { header: '所属队伍', width: 24 }] : MEMBER_COLUMNS;
  title(ws, 1, columns.length, MEMBERS_FORM_TITLE);
  line(ws, 2, columns.length, `单位：${s.orgName}          填报日期：${s.filledOn}`);
  const next = table(
    ws,
    3,
    columns,
    s.rows.map((r, i) => [i + 1, ...r]),
  );
  line(ws, next + 1, columns.length, s.note);
  ws.getCell(next + 1, 1).font = { size: 9, color: { argb: 'FF666666' } };
  return toBuffer(wb);
}

// ---- 附件3 科技志愿服务活动情况统计表 ----

export const ACTIVITY_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '活动名称', width: 28 },
  { header: '举办队伍', width: 24 },
  { header: '服务类别', width: 13 },
  { header: '附件3分类', width: 13 },
  { header: '开始日期', width: 12 },
  { header: '结束日期', width: 12 },
  { header: '活动地点', width: 28 },
  { header: '重点活动', width: 14 },
  { header: '服务对象', width: 18 },
  { header: '报名人数', width: 9 },
  { header: '参与人次', width: 9 },
  { header: '服务时长（分钟）', width: 12 },
  { header: '服务时长', width: 14 },
  { header: '服务群众人次', width: 12 },
  { header: '说明', width: 26 },
];

/** 附件3's list for a tree of more than REPORT_ACTIVITY_LIST_MAX activities: one row per team directly below. */
export const TEAM_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '队伍', width: 28 },
  { header: '队伍数（含下级）', width: 10 },
  { header: '活动次数', width: 9 },
  ...STAT_CATEGORIES.map((c) => ({ header: c, width: 9 })),
  { header: '参与人次', width: 9 },
  { header: '服务时长（分钟）', width: 12 },
  { header: '服务时长', width: 14 },
  { header: '服务群众人次', width: 12 },
];

export interface ActivityStatsSheet {
  orgName: string;
  filledOn: string;
  teamLine: string;
  activityParagraph: string;
  highlightText: string;
  manualRows: readonly (readonly [string, string])[];
  note: string;
  /** Per activity, ACTIVITY_COLUMNS without 序号 (说明 empty for the activities counted in the period). */
  activities: (string | number)[][];
  /** The last row of the activity list. */
  totals: (string | number)[];
  /** A tree too large to list activity by activity: its list by the teams directly below (TEAM_COLUMNS) instead. */
  byTeam?: boolean;
  series: { month: string; activities: number; volunteerTimes: number; minutes: number }[];
  /** 供需对接: the figures as label/value pairs and one row per need (NEED_COLUMNS without 序号). */
  needs: { figures: readonly (readonly [string, string | number])[]; rows: (string | number)[][] };
  /** 培训: the figures as label/value pairs and one row per training held (TRAINING_COLUMNS without 序号). */
  trainings: { figures: readonly (readonly [string, string | number])[]; rows: (string | number)[][] };
}

export const NEED_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '提交时间', width: 17 },
  { header: '需求方类型', width: 12 },
  { header: '服务类别', width: 13 },
  { header: '需求标题', width: 28 },
  { header: '状态', width: 9 },
  { header: '承接队伍', width: 24 },
  { header: '接单用时（小时）', width: 12 },
  { header: '评价星级', width: 9 },
];

export const TRAINING_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '培训日期', width: 12 },
  { header: '培训名称', width: 28 },
  { header: '培训类型', width: 10 },
  { header: '举办队伍', width: 24 },
  { header: '授课人', width: 12 },
  { header: '培训学时', width: 9 },
  { header: '参训人数', width: 9 },
];

const FORM_LABEL_WIDTH = 10;
const FORM_TEXT_WIDTH = 96;

export async function activityStatsXlsx(s: ActivityStatsSheet): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('附件3', {
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = FORM_LABEL_WIDTH;
  for (const c of [2, 3, 4]) ws.getColumn(c).width = FORM_TEXT_WIDTH / 3;
  title(ws, 1, 4, ACTIVITY_FORM_TITLE);
  ws.mergeCells(2, 1, 2, 2);
  ws.getCell(2, 1).value = `填报单位（公章）：${s.orgName}`;
  ws.mergeCells(2, 3, 2, 4);
  ws.getCell(2, 3).value = `填报日期：${s.filledOn}`;
  ws.getCell(2, 3).alignment = { horizontal: 'right' };

  const rows: [string, string][] = [
    ['志愿\n队伍', s.teamLine],
    ['志愿\n活动', s.activityParagraph],
    ['', s.highlightText],
    ...s.manualRows.map(([a, b]) => [a, b] as [string, string]),
  ];
  rows.forEach(([label, text], i) => {
    const r = 3 + i;
    ws.mergeCells(r, 2, r, 4);
    const l = ws.getCell(r, 1);
    l.value = label;
    l.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    l.font = { bold: true };
    const t = ws.getCell(r, 2);
    t.value = text;
    t.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= 4; c++) ws.getCell(r, c).border = THIN;
    ws.getRow(r).height = Math.max(36, linesFor(text, FORM_TEXT_WIDTH) * 16 + 8);
  });
  // 志愿活动 spans its two rows (the figures and the 亮点活动), as on the form.
  ws.mergeCells(4, 1, 5, 1);
  const noteRow = 3 + rows.length + 1;
  line(ws, noteRow, 4, s.note);
  ws.getCell(noteRow, 1).font = { size: 9, color: { argb: 'FF666666' } };
  ws.getCell(noteRow, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(noteRow).height = linesFor(s.note, FORM_LABEL_WIDTH + FORM_TEXT_WIDTH) * 14 + 6;

  const columns = s.byTeam ? TEAM_COLUMNS : ACTIVITY_COLUMNS;
  const list = wb.addWorksheet(s.byTeam ? '下级队伍汇总' : '活动明细');
  title(list, 1, columns.length, `${s.orgName} 科技志愿服务${s.byTeam ? '活动按下级队伍汇总' : '活动明细'}`);
  const end = table(
    list,
    2,
    columns,
    s.activities.map((r, i) => [i + 1, ...r]),
  );
  const total = list.getRow(end);
  ['', ...s.totals].forEach((v, i) => {
    const cell = total.getCell(i + 1);
    cell.value = v;
    cell.font = { bold: true };
    cell.border = THIN;
  });

  const months = wb.addWorksheet('月度统计');
  title(months, 1, 5, '月度统计');
  table(
    months,
    2,
    [
      { header: '月份', width: 10 },
      { header: '活动次数', width: 10 },
      { header: '参与人次', width: 10 },
      { header: '服务时长（分钟）', width: 16 },
      { header: '服务时长（小时）', width: 16 },
    ],
    s.series.map((m) => [m.month, m.activities, m.volunteerTimes, m.minutes, Math.round((m.minutes / 60) * 10) / 10]),
  );

  figuresSheet(wb, '供需对接', `${s.orgName} 供需对接情况`, NEED_COLUMNS, s.needs);
  figuresSheet(wb, '培训', `${s.orgName} 志愿者培训情况`, TRAINING_COLUMNS, s.trainings);
  return toBuffer(wb);
}

/** A sheet of labelled figures (label over two columns, value in the third), then a numbered table below them. */
function figuresSheet(
  wb: ExcelJS.Workbook,
  name: string,
  heading: string,
  columns: readonly Column[],
  part: { figures: ReadonlyArray<readonly [string, string | number]>; rows: Array<Array<string | number>> },
): void {
  const sheet = wb.addWorksheet(name);
  title(sheet, 1, columns.length, heading);
  part.figures.forEach(([label, value], i) => {
    const row = sheet.getRow(2 + i);
    sheet.mergeCells(2 + i, 1, 2 + i, 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(3).value = value;
    for (const c of [1, 2, 3]) row.getCell(c).border = THIN;
  });
  table(
    sheet,
    2 + part.figures.length + 1,
    columns,
    part.rows.map((r, i) => [i + 1, ...r]),
  );
}

// ---- 签到记录 ----

export const ATTENDANCE_COLUMNS: readonly Column[] = [
  { header: '日期', width: 12 },
  { header: '姓名', width: 11 },
  { header: '手机', width: 14 },
  { header: '签到时间', width: 10 },
  { header: '签退时间', width: 10 },
  { header: '时长（分钟）', width: 12 },
  { header: '时长', width: 14 },
  { header: '状态', width: 9 },
  { header: '备注', width: 36 },
];

export interface AttendanceSheet {
  title: string;
  subtitle: string;
  rows: (string | number)[][];
  totals: (string | number)[];
}

export async function attendanceXlsx(s: AttendanceSheet): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('签到记录', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  title(ws, 1, ATTENDANCE_COLUMNS.length, s.title);
  line(ws, 2, ATTENDANCE_COLUMNS.length, s.subtitle);
  const end = table(ws, 3, ATTENDANCE_COLUMNS, s.rows);
  const total = ws.getRow(end);
  s.totals.forEach((v, i) => {
    const cell = total.getCell(i + 1);
    cell.value = v;
    cell.font = { bold: true };
    cell.border = THIN;
  });
  return toBuffer(wb);
}
