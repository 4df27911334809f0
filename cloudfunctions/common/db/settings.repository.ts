// Service-wide settings: the marker naming the one root 总队 (written once, by org.bootstrapRoot's transaction).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';

/** The fixed id of the root marker. */
export const ROOT_SETTING_ID = 'rootOrg';

/** The root 总队's id, once it has been bootstrapped. */
export async function findRootOrgId(): Promise<string | undefined> {
  const res = await unwrap(database().collection(C.settings).doc(ROOT_SETTING_ID).get());
  return (res.data as { orgId: string }[])[0]?.orgId;
}
