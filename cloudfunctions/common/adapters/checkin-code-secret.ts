// The per-activity and per-training secrets that sign their codes (domain/checkin-code): subkeys of the key ring, never stored.
import { createHmac } from 'node:crypto';
import { subkey } from './secrets';

/**
 * Derived from the server key and the activity id (and the activity's code version, bumped to revoke printed codes),
 * so it exists only inside the functions.
 */
export function activityCodeSecret(activityId: string, version = 0): Buffer {
  return createHmac('sha256', subkey('activity-code')).update(`${activityId}:${version}`).digest();
}

/** A training's secret (培训签到码): its own subkey, so a training's code never verifies as an activity's. */
export function trainingCodeSecret(trainingId: string): Buffer {
  return createHmac('sha256', subkey('training-code')).update(trainingId).digest();
}
