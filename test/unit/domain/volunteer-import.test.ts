// 集体注册 rows: names of regions to GB/T 2260 codes, 性别 from the ID number, multi-select cells, every problem in Chinese under its column.
import { IMPORT_COLUMNS, parseImportRow, regionCodes } from '../../../cloudfunctions/common/domain/volunteer-import';
import { isValidIdNumber } from '@contract/id-number';
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
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        gender: 'female',
        serviceCategories: ['科技培训', '科普报告'],
        region: { province: '620000', city: '620100', county: '620102' },
      }),
    });
  });
  it('names the column of a problem', () => {
    expect(parseImportRow({ ...good, idNumber: '110105194912310021' })).toEqual({
      ok: false,
      errors: [{ column: '身份证号', message: '请输入有效的18位居民身份证号码' }],
      message: '身份证号：请输入有效的18位居民身份证号码',
    });
    expect(parseImportRow({ ...good, phone: '1234' })).toMatchObject({ ok: false, message: '手机号：请输入11位手机号' });
    expect(parseImportRow({ ...good, serviceCategories: '' })).toMatchObject({ ok: false, message: '服务类别：至少选择一个服务类别' });
    expect(parseImportRow({ ...good, county: '火星区' })).toMatchObject({
      ok: false,
      errors: [{ column: '所在区域县', message: expect.stringContaining('“火星区”无法识别') }],
    });
    expect(parseImportRow({ ...good, education: '' })).toMatchObject({ ok: false, errors: [{ column: '最高学历', message: '未填写' }] });
  });
  it('lists every problem of a row in column order, in Chinese, never zod’s English', () => {
    const r = parseImportRow({ ...good, gender: '男', ethnicity: '火星族', serviceFields: '科技咨询类、农业', province: '', realName: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { column: '真实姓名', message: '请输入真实姓名' },
      { column: '性别', message: '与身份证号不符（身份证号为女性）' },
      { column: '民族', message: '“火星族”不在选项中（请从下拉菜单中选择）' },
      { column: '所在区域省', message: '未填写' },
      { column: '服务领域或行业', message: expect.stringMatching(/^“农业”不在选项中（可填：科技咨询类、.*其他科技服务）$/) },
    ]);
    expect(r.message).toBe(r.errors.map((e) => `${e.column}：${e.message}`).join('；'));
    expect(r.message).not.toMatch(/[A-Za-z]/);
  });
  it('takes 性别 from the ID number: blank is filled, the right one accepted, an unknown word refused', () => {
    expect(parseImportRow({ ...good, gender: '' })).toMatchObject({ ok: true, value: { gender: 'female' } });
    expect(parseImportRow({ ...good, gender: '女' })).toMatchObject({ ok: true, value: { gender: 'female' } });
    expect(parseImportRow({ ...good, gender: '未知' })).toMatchObject({
      ok: false,
      errors: [{ column: '性别', message: '“未知”不在选项中（可填：男、女）' }],
    });
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
    ws.getRow(4).values = [
      '1',
      '李四',
      '13710986743',
      '女',
      '11010519491231002X',
      '群众',
      '汉族',
      '',
      '',
      '本科',
      '',
      '甘肃省',
      '兰州市',
      '城关区',
      '科普报告',
      '',
      '否',
    ];
    ws.getRow(5).values = ['2', '王五', '13710986744'];
    const rows = await readImportRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    expect(rows[0].cells).toMatchObject({ realName: '李四', idNumber: '11010519491231002X', county: '城关区' });
  });
  it('its 范例 row is a row that imports: a real ID number that agrees with its 性别', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await importTemplateXlsx('兰州市科技志愿服务支队')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('科技志愿者集体注册信息表')!;
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, String(ws.getCell(3, i + 1).value ?? '')]));
    expect(cells.seq).toBe('范例');
    expect(isValidIdNumber(cells.idNumber)).toBe(true);
    expect(parseImportRow(cells)).toMatchObject({ ok: true, value: { gender: 'male', realName: '张三' } });
  });
  it('finds nothing in a workbook without the header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getCell('A1').value = 'hello';
    expect(await readImportRows(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([]);
  });
});
