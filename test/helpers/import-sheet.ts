// The 集体注册 template as tests fill it: one row builder and one way to write rows into the downloaded workbook.
import ExcelJS from 'exceljs';
import { dataOf, type TestEmulator } from './emulator';

/** The template's one sheet (cloudfunctions/common/adapters/xlsx.ts). */
export const IMPORT_SHEET = '科技志愿者集体注册信息表';
/** The first row a team admin fills: rows 1–2 are the title and header, row 3 the template's own 范例. */
export const FIRST_IMPORT_ROW = 4;

/**
 * A valid row of the template, column by column (序号 … 是否“四长”). 性别 is 男 unless told: the test numbers have an
 * odd 17th digit (men); one with an even digit passes `gender: '女'`.
 */
export function importRow(
  seq: number,
  name: string,
  phone: string,
  id: string,
  over: { gender?: string; serviceCategories?: string } = {},
): string[] {
  const { gender = '男', serviceCategories = '科普报告' } = over;
  return [
    String(seq),
    name,
    phone,
    gender,
    id,
    '群众',
    '汉族',
    '兰州大学',
    '中级',
    '本科',
    '学校',
    '甘肃省',
    '兰州市',
    '城关区',
    serviceCategories,
    '科学教育类',
    '否',
  ];
}

/** The template (xlsx, base64) changed by `edit` on its sheet; returns the xlsx bytes. */
export async function editTemplate(templateBase64: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(templateBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(IMPORT_SHEET);
  if (!ws) throw new Error(`the template has no sheet ${IMPORT_SHEET}`);
  edit(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template (base64) with `rows` written from FIRST_IMPORT_ROW down, as base64 (what org.importVolunteers takes). */
export async function fillTemplate(templateBase64: string, rows: readonly (readonly (string | undefined)[])[]): Promise<string> {
  const filled = await editTemplate(templateBase64, (ws) => rows.forEach((r, i) => (ws.getRow(FIRST_IMPORT_ROW + i).values = [...r])));
  return filled.toString('base64');
}

/** Downloads `orgId`'s template as `openid` and fills it with `rows` (base64). */
export async function filledTemplate(
  t: TestEmulator,
  orgId: string,
  openid: string,
  rows: readonly (readonly (string | undefined)[])[],
): Promise<string> {
  return fillTemplate(dataOf(await t.call('org', 'importTemplate', { orgId }, openid)).base64, rows);
}
