// Rules on the 居民身份证 number beyond its checksum: the 18+ rule of the seeds (003_*) and masking.
import { idBirthDate, maskIdNumber } from '@contract/id-number';

export { maskIdNumber };

/** Full years between the birth date and `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Adult on the day (Asia/Shanghai) of registration: the 18th birthday itself counts. */
export function isAdultOn(idNumber: string, today: string): boolean {
  const birth = idBirthDate(idNumber);
  return birth !== null && ageOn(birth, today) >= 18;
}

/**
 * An applicant's age as reviewers see it (审核): full years on `today` (Asia/Shanghai) from the birth date the number
 * encodes, or undefined when it encodes none. Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageFromIdNumber(idNumber: string, today: string): number | undefined {
  const birth = idBirthDate(idNumber);
  return birth === null ? undefined : ageOn(birth, today);
}
