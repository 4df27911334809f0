// 我的数据 as a spreadsheet (exceljs): a 说明 sheet, then one sheet per kind of record with a header row, plain text
// cells, so the file reads in any spreadsheet program and parses back by its headers.
import type ExcelJS from 'exceljs';
import { loadExcel } from './heavy-modules';

export interface DataSheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export async function myDataXlsx(title: string, notes: readonly string[], sheets: readonly DataSheet[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '科技志愿服务';
  const about = wb.addWorksheet('说明');
  about.getColumn(1).width = 110;
  about.getCell(1, 1).value = title;
  about.getCell(1, 1).font = { name: '宋体', bold: true, size: 16 };
  notes.forEach((text, i) => {
    const cell = about.getCell(i + 3, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const header = ws.getRow(1);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      ws.getColumn(i + 1).width = c.width;
    });
    // Plain text: an ID number or phone typed as a number would lose digits or turn into 6.2E+17.
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(r + 2);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        if (typeof v === 'string') cell.numFmt = '@';
        cell.alignment = { vertical: 'top', wrapText: true };
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
