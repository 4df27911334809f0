// Which scans an admin should look at rather than trust silently: a position the phone itself reports as poor, or one
// exactly on the activity's point (a typed-in, copied or simulated position, not a real fix, which always wanders).
import type { ScanFlag } from '@contract/checkin';

/** A reported accuracy worse than this (metres) is flagged: the fix could be anywhere in a 500 m circle or wider. */
export const POOR_ACCURACY_M = 500;

/**
 * The flags of one scan, from the accuracy the phone reported (none reported: nothing to judge) and the server's
 * distance to the activity's point in whole metres (0: within half a metre of it, i.e. the point itself).
 */
export function scanFlags(reported: { accuracy?: number }, distanceM: number): ScanFlag[] {
  const flags: ScanFlag[] = [];
  if (reported.accuracy !== undefined && reported.accuracy > POOR_ACCURACY_M) flags.push('poor_accuracy');
  if (distanceM === 0) flags.push('exact_point');
  return flags;
}

/** The record's flags after a scan: the earlier ones stay (a good scan does not clear a doubtful one). */
export function withFlags(earlier: readonly ScanFlag[] | undefined, added: readonly ScanFlag[]): ScanFlag[] {
  return [...new Set([...(earlier ?? []), ...added])];
}
