// The 18+ rule (adult on the Asia/Shanghai day of registration, the 18th birthday included) and the age reviewers see.
import { ageFromIdNumber, ageOn, isAdultOn } from '../../../cloudfunctions/common/domain/id-number';
import { idCheckDigit } from '@contract/id-number';

const id = (birth: string) => {
  const first17 = `620102${birth}001`;
  return first17 + idCheckDigit(first17);
};

describe('age', () => {
  it('counts full years', () => {
    expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('the 18th birthday is adult, the day before is not', () => {
    expect(isAdultOn(id('20081122'), '2026-11-22')).toBe(true);
    expect(isAdultOn(id('20081123'), '2026-11-22')).toBe(false);
  });
});

describe('ageFromIdNumber (审核)', () => {
  it('counts full years from the birth date the number encodes, the birthday itself included', () => {
    expect(ageFromIdNumber(id('19900101'), '2026-11-22')).toBe(36);
    expect(ageFromIdNumber(id('19901122'), '2026-11-21')).toBe(35);
    expect(ageFromIdNumber(id('19901122'), '2026-11-22')).toBe(36);
    expect(ageFromIdNumber(id('19901231'), '2026-12-31')).toBe(36);
    expect(ageFromIdNumber(id('19901231'), '2026-12-30')).toBe(35);
  });
  it('born on 29 February: a year older on 1 March in a common year, on 29 February in a leap year', () => {
    expect(ageFromIdNumber(id('20000229'), '2026-02-28')).toBe(25);
    expect(ageFromIdNumber(id('20000229'), '2026-03-01')).toBe(26);
    expect(ageFromIdNumber(id('20000229'), '2028-02-28')).toBe(27);
    expect(ageFromIdNumber(id('20000229'), '2028-02-29')).toBe(28);
    expect(ageFromIdNumber(id('20000229'), '2028-03-01')).toBe(28);
  });
  it('a number whose date does not exist has no age', () => {
    expect(ageFromIdNumber('620102199002300011', '2026-11-22')).toBeUndefined();
    expect(ageFromIdNumber('', '2026-11-22')).toBeUndefined();
  });
});
