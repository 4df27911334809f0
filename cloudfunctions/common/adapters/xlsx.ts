// Spreadsheets with exceljs: the 集体注册 template (with drop-down lists) and reading the rows people filled in.
import type ExcelJS from 'exceljs';
import { loadExcel } from './heavy-modules';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../domain/volunteer-import';
import { idCheckDigit } from '@contract/id-number';

const SHEET = '科技志愿者集体注册信息表';
/** The 范例 row's number: a man's (odd 17th digit) born 1990-01-28 in 四平市铁西区, with its real check digit. */
const EXAMPLE_ID_NUMBER = `22030219900128021${idCheckDigit('22030219900128021')}`;

export async function importTemplateXlsx(orgName: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '科技志愿服务';
  const ws = wb.addWorksheet(SHEET);
  ws.mergeCells(1, 1, 1, IMPORT_COLUMNS.length);
  ws.getCell(1, 1).value = `附件2 科技志愿者集体注册信息表（${orgName}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  IMPORT_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    ws.getColumn(i + 1).width = c.width;
  });
  ws.getRow(3).values = [
    '范例',
    '张三',
    '13710986743',
    '男',
    EXAMPLE_ID_NUMBER,
    '群众',
    '汉族',
    '某某公司',
    '副高',
    '本科',
    '企业',
    '吉林省',
    '四平市',
    '铁西区',
    '科技培训、科普报告',
    '科技咨询类',
    '否',
  ];
  ws.getRow(3).font = { italic: true, color: { argb: 'FF888888' } };
  // Drop-down lists as the seed's 填报说明 asks (long lists go to a hidden sheet).
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!('options' in c)) return;
    c.options.forEach((o, j) => (lists.getCell(j + 1, i + 1).value = o));
    const col = lists.getColumn(i + 1).letter;
    for (let r = 4; r <= 1003; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`'选项'!$${col}$1:$${col}$${c.options.length}`] };
    }
  });
  ws.getColumn(3).numFmt = '@';
  ws.getColumn(5).numFmt = '@';
  const note = ws.getCell(1005, 1);
  note.value =
    '填报说明：政治面貌、民族、职称、最高学历、从业类别、是否为基层“四长”可在下拉菜单中选择；服务类别、服务领域可多选，用顿号“、”分隔。身份证号、手机号请设为文本格式。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

export interface SheetRow {
  row: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

/** Rows under the header line (found by its 真实姓名 column); the 范例 row and blank rows are skipped. */
export async function readImportRows(file: Buffer): Promise<SheetRow[]> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((s) => s.state !== 'hidden');
  if (!ws) return [];
  let headerRow = 0;
  const columnOf = new Map<ImportColumnKey, number>();
  ws.eachRow((row, n) => {
    if (headerRow) return;
    // row.values is sparse (index 0 is empty): Array.from fills the holes.
    const texts = Array.from(row.values as ExcelJS.CellValue[], (v) => cellText(v).replace(/\s/g, ''));
    if (!texts.includes('真实姓名')) return;
    headerRow = n;
    for (const c of IMPORT_COLUMNS) {
      const idx = texts.findIndex(
        (t) =>
          t === c.header.replace(/\s/g, '') ||
          (c.key === 'serviceFields' && t.startsWith('服务领域')) ||
          (c.key === 'fourHeads' && t.includes('四长')),
      );
      if (idx > 0) columnOf.set(c.key, idx);
    }
  });
  if (!headerRow) return [];
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cells: Partial<Record<ImportColumnKey, string>> = {};
    for (const [key, idx] of columnOf) cells[key] = cellText(row.getCell(idx).value).trim();
    if (cells.seq === '范例' || !(cells.realName || cells.phone || cells.idNumber)) return;
    if ((cells.seq ?? '').startsWith('填报说明')) return;
    rows.push({ row: n, cells });
  });
  return rows;
}
