// GB 11643 check digit, birth dates and masking: the rules both the form and the server use.
import { idBirthDate, idCheckDigit, isValidIdNumber, maskIdNumber, maskName, maskPhone } from '../../../types/id-number';
import { IdNumberSchema } from '../../../types/user';

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
