// The 18+ rule: adult on the Asia/Shanghai day of registration, the 18th birthday included.
import { ageOn, isAdultOn } from '../../../cloudfunctions/common/domain/id-number';
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
