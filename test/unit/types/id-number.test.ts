// GB 11643 check digit, birth dates, sex and masking: the rules both the form and the server use.
import {
  genderMismatch,
  idBirthDate,
  idCheckDigit,
  idGender,
  idPerson,
  isValidIdNumber,
  maskIdNumber,
  maskName,
  maskPhone,
} from '@contract/id-number';
import { IdNumberSchema, UserRegisterInput } from '@contract/user';

const valid = (first17: string) => first17 + idCheckDigit(first17);

describe('居民身份证号码', () => {
  it('accepts the published example 11010519491231002X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('refuses a wrong check digit', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
  it('refuses an impossible birth date even with a correct check digit', () => {
    expect(isValidIdNumber(valid('62010219990230001'))).toBe(false);
    expect(isValidIdNumber(valid('62010219000229001'))).toBe(false); // 1900 was no leap year
    expect(isValidIdNumber(valid('62010220000229001'))).toBe(true);
  });
  it('refuses wrong lengths and letters', () => {
    expect(isValidIdNumber('62010219990101001')).toBe(false);
    expect(isValidIdNumber('6201021999010100AX')).toBe(false);
  });
  it('reads the birth date', () => {
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
  });
  it('the schema upper-cases a trailing x', () => {
    expect(IdNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it('masks like 620102********1234', () => {
    expect(maskIdNumber('620102199001011234')).toBe('620102********1234');
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});

describe('sex and birth date from the number', () => {
  it('the 17th digit is odd for men, even for women', () => {
    expect(idGender('11010519491231002X')).toBe('female');
    expect(idGender(valid('62010219900101001'))).toBe('male');
    expect(idGender(valid('62010219900101010'))).toBe('female');
  });
  it('tells the form what a valid number says, nothing for an invalid one', () => {
    expect(idPerson(' 11010519491231002x ')).toEqual({ gender: 'female', birthDate: '1949-12-31' });
    expect(idPerson('110105194912310021')).toBeNull();
    expect(idPerson('1101051949')).toBeNull();
  });
  it('a stated sex must agree; none, or an invalid number, is not a mismatch', () => {
    expect(genderMismatch('male', '11010519491231002X')).toBe('与身份证号不符（身份证号为女性）');
    expect(genderMismatch('female', '11010519491231002X')).toBeUndefined();
    expect(genderMismatch(undefined, '11010519491231002X')).toBeUndefined();
    expect(genderMismatch('male', '110105194912310021')).toBeUndefined();
  });
  it('the register contract refuses a disagreeing 性别 under its own path, accepts none', () => {
    const base = {
      phone: '13900000001',
      smsCode: '123456',
      realName: '李敏',
      idNumber: '11010519491231002X',
      education: '本科',
      region: { province: '110000', city: '110100', county: '110105' },
      serviceCategories: ['科普报告'],
      orgIds: ['o1'],
      consentVersion: 'v1',
    };
    const wrong = UserRegisterInput.safeParse({ ...base, gender: 'male' });
    expect(wrong.success).toBe(false);
    if (!wrong.success)
      expect(wrong.error.issues).toEqual([expect.objectContaining({ path: ['gender'], message: '性别与身份证号不符（身份证号为女性）' })]);
    expect(UserRegisterInput.safeParse(base).success).toBe(true);
  });
});
