// 志愿者编号: KJ + year + 8 random digits; unguessable enough, unique by index (a clash retries).
import { randomInt } from 'node:crypto';

export function newVolunteerNo(year: string): string {
  return `KJ${year}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}
