// The per-activity secret that signs its check-in codes (domain/checkin-code): a subkey of the key ring, never stored.
import { createHmac } from 'node:crypto';
import { subkey } from './secrets';

/**
 * Derived from the server key and the activity id (and the activity's code version, bumped to revoke printed codes),
 * so it exists only inside the functions.
 */
export function activityCodeSecret(activityId: string, version = 0): Buffer {
  return createHmac('sha256', subkey('activity-code')).update(`${activityId}:${version}`).digest();
}
