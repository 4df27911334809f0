// 成员管理's 导出名单 as a spreadsheet (exceljs): a title, what the list was filtered by, and one bordered row per member.
import { line, table, title, toBuffer, workbook, type Column } from './report-xlsx';

export const MEMBER_LIST_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 11 },
  { header: '手机号', width: 14 },
  { header: '队内职务', width: 9 },
  { header: '状态', width: 8 },
  { header: '加入日期', width: 12 },
  { header: '志愿者编号', width: 16 },
  { header: '全国志愿者统一编号', width: 20 },
  { header: '今年服务时长（分钟）', width: 12 },
  { header: '今年服务时长', width: 14 },
];

export interface MemberListSheet {
  title: string;
  /** What selected the rows, and the export date. */
  lines: string[];
  /** One array per member in MEMBER_LIST_COLUMNS order without 序号. */
  rows: (string | number)[][];
}

export async function memberListXlsx(s: MemberListSheet): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('成员名单');
  const columns = MEMBER_LIST_COLUMNS.length;
  title(ws, 1, columns, s.title);
  s.lines.forEach((text, i) => line(ws, 2 + i, columns, text));
  table(
    ws,
    2 + s.lines.length,
    MEMBER_LIST_COLUMNS,
    s.rows.map((r, i) => [i + 1, ...r]),
  );
  return toBuffer(wb);
}
