// 集体注册 rows: names of regions to GB/T 2260 codes, 男/女, multi-select cells, first problem named by its column.
import { parseImportRow, regionCodes } from '../../../cloudfunctions/common/domain/volunteer-import';
import { importTemplateXlsx, readImportRows } from '../../../cloudfunctions/common/adapters/xlsx';
import ExcelJS from 'exceljs';

const good = {
  realName: '李四',
  phone: '13710986743',
  gender: '女',
  idNumber: '11010519491231002X',
  politicalStatus: '群众',
  ethnicity: '汉族',
  education: '本科',
  province: '甘肃省',
  city: '兰州市',
  county: '城关区',
  serviceCategories: '□科技培训、☑科普报告',
  serviceFields: '科技咨询类',
  fourHeads: '否',
};

describe('regionCodes', () => {
  it('maps names, with or without 省/市 suffixes', () => {
    expect(regionCodes('甘肃省', '兰州市', '城关区')).toEqual({ province: '620000', city: '620100', county: '620102' });
    expect(regionCodes('甘肃', '兰州', '城关区')).toEqual({ province: '620000', city: '620100', county: '620102' });
    expect(regionCodes('甘肃省', '天水市', '城关区')).toBeUndefined();
  });
});

describe('parseImportRow', () => {
  it('turns a filled row into a profile', () => {
    const r = parseImportRow(good);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ gender: 'female', serviceCategories: ['科技培训', '科普报告'], region: { province: '620000', city: '620100', county: '620102' } }) });
  });
  it('names the column of the first problem', () => {
    expect(parseImportRow({ ...good, idNumber: '110105194912310021' })).toEqual({ ok: false, message: expect.stringMatching(/^身份证号：/) });
    expect(parseImportRow({ ...good, phone: '1234' })).toEqual({ ok: false, message: expect.stringMatching(/^手机号：/) });
    expect(parseImportRow({ ...good, serviceCategories: '' })).toEqual({ ok: false, message: expect.stringMatching(/^服务类别：/) });
    expect(parseImportRow({ ...good, county: '火星区' })).toEqual({ ok: false, message: expect.stringContaining('无法识别') });
  });
});

describe('the template', () => {
  it('has the 附件2 headers and drop-downs, and reads back the rows filled in under them', async () => {
    const buf = await importTemplateXlsx('兰州市科技志愿服务支队');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('科技志愿者集体注册信息表')!;
    expect(ws.getCell('B2').value).toBe('真实姓名');
    expect(ws.getCell('Q2').value).toBe('是否为基层“四长”');
    expect(ws.getCell('D4').dataValidation).toMatchObject({ type: 'list' });
    // Fill two rows as an admin would, then read them back.
    ws.getRow(4).values = ['1', '李四', '13710986743', '女', '11010519491231002X', '群众', '汉族', '', '', '本科', '', '甘肃省', '兰州市', '城关区', '科普报告', '', '否'];
    ws.getRow(5).values = ['2', '王五', '13710986744'];
    const rows = await readImportRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    expect(rows[0].cells).toMatchObject({ realName: '李四', idNumber: '11010519491231002X', county: '城关区' });
  });
  it('finds nothing in a workbook without the header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getCell('A1').value = 'hello';
    expect(await readImportRows(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([]);
  });
});
