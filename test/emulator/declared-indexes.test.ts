// The emulator enforces exactly the indexes cloudfunctions/common/db/collections.ts declares (the deploy creates the
// same ones in CloudBase): each unique index refuses a duplicate through the real SDK, and nothing else is unique.
import tcb from '@cloudbase/node-sdk';
import { collections } from '../../cloudfunctions/common/db/collections';
import { LOCAL_ENV_ID, pointSdkAt } from '../helpers/sdk-env';
import { useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator();

/** A document with `value` at every (dotted) field of `fields`. */
function docWith(fields: string[], value: string): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const f of fields) {
    const segs = f.split('.');
    let at = doc;
    for (const s of segs.slice(0, -1)) at = (at[s] ??= {}) as Record<string, unknown>;
    at[segs[segs.length - 1]] = value;
  }
  return doc;
}

const db = () => {
  pointSdkAt(`${t.url}/tcb`);
  return tcb.init({ env: LOCAL_ENV_ID }).database();
};

describe('declared indexes', () => {
  const uniques = collections.flatMap((c) => c.indexes.filter((i) => i.unique).map((i) => ({ collection: c.name, index: i })));
  const plain = collections.flatMap((c) =>
    c.indexes.filter((i) => !i.unique && !Object.values(i.keys).includes('2dsphere')).map((i) => ({ collection: c.name, index: i })),
  );

  it('declares unique indexes for phones and ID numbers (by their keyed hashes), volunteer numbers, team names, certificate numbers and open appeals', () => {
    expect(uniques.map((u) => `${u.collection}.${Object.keys(u.index.keys).join('+')}`).sort()).toEqual(
      [
        'certificates.certificateNo',
        'identity_appeals.pendingKey',
        'orgs.name',
        'volunteers.idNumberHash',
        'volunteers.phoneHash',
        'volunteers.volunteerNo',
      ].sort(),
    );
  });

  it.each(uniques.map((u) => [`${u.collection}.${u.index.name}`, u] as const))(
    '%s refuses a second document with the same key',
    async (_name, u) => {
      const fields = Object.keys(u.index.keys);
      const coll = db().collection(u.collection);
      // The collection's other unique keys differ per document, so only this index can object.
      const others = uniques.filter((o) => o.collection === u.collection && o !== u).flatMap((o) => Object.keys(o.index.keys));
      await coll.add({ ...docWith(others, 'a'), ...docWith(fields, 'same') });
      await expect(coll.add({ ...docWith(others, 'b'), ...docWith(fields, 'same') })).rejects.toMatchObject({
        code: 'DATABASE_DUPLICATE_WRITE',
      });
      await coll.add({ ...docWith(others, 'c'), ...docWith(fields, 'other') });
      expect((await coll.where({}).count()).total).toBe(2);
    },
  );

  it.each(plain.map((p) => [`${p.collection}.${p.index.name}`, p] as const))('%s (not unique) accepts equal keys', async (_name, p) => {
    const fields = Object.keys(p.index.keys);
    const coll = db().collection(p.collection);
    // The collection's unique keys differ per document (a missing field counts as null in a unique index, as in MongoDB).
    const uniqueFields = uniques.filter((u) => u.collection === p.collection).flatMap((u) => Object.keys(u.index.keys));
    await coll.add({ ...docWith(uniqueFields, 'first'), ...docWith(fields, 'same') });
    await coll.add({ ...docWith(uniqueFields, 'second'), ...docWith(fields, 'same') });
    expect((await coll.where({}).count()).total).toBe(2);
  });
});
