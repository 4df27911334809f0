// The hand-off to 全国志愿服务信息系统 as a workbook: a 说明 sheet, then one sheet per kind (志愿者, 志愿团体, 志愿服务项目 …)
// whose first row is the header, laid out with the report exports' own table helpers.
import { line, table, title, toBuffer, workbook, type Column } from './report-xlsx';

export interface HandoffSheet {
  name: string;
  columns: readonly Column[];
  rows: readonly string[][];
}

export async function handoffXlsx(input: { heading: string; notes: readonly string[]; sheets: readonly HandoffSheet[] }): Promise<Buffer> {
  const wb = await workbook();
  const about = wb.addWorksheet('说明');
  title(about, 1, 4, input.heading);
  input.notes.forEach((text, i) => line(about, i + 2, 4, text));
  about.getColumn(1).width = 40;
  for (const s of input.sheets) table(wb.addWorksheet(s.name), 1, s.columns, s.rows);
  return toBuffer(wb);
}
