// Why: the document actions (get/insert/modify/remove/count/aggregate) with their exact request fields and response shapes, in and out of transactions.
import { AGGREGATE_DEFAULT_LIMIT, parsePipeline, runPipeline } from './aggregate';
import { Doc, clone, encodeDoc, encodeReadDoc, isObjectId, isPlainObject, parseEJSON, parseEJSONObject } from './ejson';
import { DbError, ErrorCode, collectionNotExist, duplicateWrite, invalidParam, notImplemented } from './errors';
import { compileQuery, docQueryId, normalizeOrder, runFind } from './query';
import { Change, CollectionState, DocId, Store, checkCollectionName, idKeyOf } from './store';
import { Transaction, TransactionManager } from './transactions';
import { UpdateSpec, applyReplacement, applyUpdate, assertStorable, seedFromQuery, validateUpdate } from './update';

/**
 * Server-side page size, from the WeChat/CloudBase database reference:
 *  - "Collection.get" (reference-sdk-api/database/collection/Collection.get): "云函数端：如果没有指定 limit，则默认且最多取 100 条记录";
 *  - "Collection.limit" (reference-sdk-api/database/collection/Collection.limit): "limit 在小程序端默认及最大上限为 20，
 *    在云函数端默认及最大上限为 1000" (the current figure; the "最多 100" of Collection.get predates it).
 * node-sdk 3.18.3's Query.get() itself sends limit=100 when none is given and clamps larger limits to 1000;
 * the server keeps both figures for raw requests too.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** AGGREGATE_DEFAULT_LIMIT (20) applies to aggregate() without a $limit stage, see aggregate.ts. */
export { AGGREGATE_DEFAULT_LIMIT };

export interface Ctx {
  store: Store;
  txm: TransactionManager;
  now: () => Date;
  newId: () => string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

const SINGLE_DOC_ONLY =
  'where() queries inside a transaction (CloudBase transactions support single-document operations only: doc(id).get/set/update/remove and add)';

function parseQuery(ctx: Ctx, raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === '') return {};
  return parseEJSONObject(raw, 'query', ctx.now);
}

function intField(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalidParam(`'${name}' must be an integer`);
  return n;
}

function docIdOf(query: Record<string, unknown>, body: Body): DocId | undefined {
  const id = docQueryId(query);
  if (body.queryType === 'DOC' && id === undefined) throw invalidParam('queryType DOC needs query {_id}');
  return id;
}

/** A non-transactional write touched a document locked by an open transaction: wait for its release. */
class Blocked {
  constructor(
    readonly what: string,
    readonly holder: string,
  ) {}
}

function assertUnlocked(ctx: Ctx, collection: string, idKeys: Iterable<string>): void {
  for (const k of idKeys) {
    const holder = ctx.store.lockHolder(collection, k);
    if (holder !== undefined) throw new Blocked(`${collection}/${k.slice(2)}`, holder);
  }
}

/** Runs `attempt` (synchronous: read, compute, check) and commits it; retries after lock releases. */
async function writeNonTx<T>(ctx: Ctx, attempt: () => { changes: Change[]; result: T }): Promise<T> {
  let warn: NodeJS.Timeout | null = null;
  try {
    for (;;) {
      let planned: { changes: Change[]; result: T };
      try {
        planned = attempt();
      } catch (e) {
        if (!(e instanceof Blocked)) throw e;
        if (!warn) {
          const { what, holder } = e;
          warn = setTimeout(() => {
            console.warn(
              `[emulator/db] a write on ${what} is waiting for transaction ${holder} to commit or abort ` +
                '(CloudBase blocks plain writes on documents locked by an open transaction; it expires after 30 s)',
            );
          }, 2000);
          warn.unref();
        }
        await ctx.store.waitForRelease();
        continue;
      }
      ctx.store.check(planned.changes);
      await ctx.store.commit(planned.changes);
      return planned.result;
    }
  } finally {
    if (warn) clearTimeout(warn);
  }
}

/** The `_id` a query pins by equality: its own, or one of a top-level `$and`'s (as `_.and([{ _id }, …])` writes it). */
function pinnedId(query: Record<string, unknown>): unknown {
  if ('_id' in query) return query._id;
  const all = query.$and;
  if (!Array.isArray(all)) return undefined;
  for (const q of all) {
    const id = isPlainObject(q) ? pinnedId(q) : undefined;
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * Documents that can match: the one named by a pinned `_id` equality (CloudBase's _id index), else the whole collection
 * (natural order). The query itself still decides.
 */
function candidates(coll: CollectionState | undefined, query: Record<string, unknown>): Doc[] {
  if (!coll) return [];
  const id = pinnedId(query);
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) || isObjectId(id)) {
    const d = coll.docs.get(idKeyOf(id));
    return d ? [d] : [];
  }
  return [...coll.docs.values()];
}

function matching(ctx: Ctx, collection: string, query: Record<string, unknown>, multi: boolean): Doc[] {
  const test = compileQuery(query);
  const out: Doc[] = [];
  for (const d of candidates(ctx.store.get(collection), query)) {
    if (test(d)) {
      out.push(d);
      if (!multi) break;
    }
  }
  return out;
}

function txFor(ctx: Ctx, body: Body): Transaction | undefined {
  return body.transactionId === undefined || body.transactionId === null || body.transactionId === ''
    ? undefined
    : ctx.txm.require(body.transactionId);
}

/**
 * The one document a write inside a transaction names (by {_id} only), as the transaction sees it. `view` is null
 * when there is none; a missing collection is then refused, as outside a transaction.
 */
function txTarget(
  ctx: Ctx,
  tx: Transaction,
  name: string,
  id: DocId | undefined,
  refusal = SINGLE_DOC_ONLY,
): { id: DocId; idKey: string; view: Doc | null } {
  if (id === undefined) throw notImplemented(refusal);
  const idKey = idKeyOf(id);
  const view = ctx.txm.read(tx, name, idKey);
  if (!view && !ctx.store.get(name)) throw collectionNotExist(name);
  return { id, idKey, view };
}

/** database.getDocument → { data: { list: EJSON[], limit, offset } } (in a transaction: { data: { list } }). */
export async function getDocument(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  const query = parseQuery(ctx, body.query);
  const projection =
    body.projection !== undefined && body.projection !== '' ? parseEJSONObject(body.projection, 'projection', ctx.now) : undefined;
  const tx = txFor(ctx, body);
  if (tx) {
    const { view: doc } = txTarget(ctx, tx, name, docQueryId(query));
    const list = doc ? runFind([doc], { query: {}, projection }) : [];
    return { data: { list: list.map(encodeReadDoc) } };
  }
  const coll = ctx.store.require(name);
  const order = body.order !== undefined && body.order !== '' ? normalizeOrder(parseEJSON(body.order, 'order', ctx.now)) : undefined;
  const offset = intField(body.offset, 'offset') ?? 0;
  if (offset < 0) throw invalidParam("'offset' must not be negative");
  let limit = intField(body.limit, 'limit') ?? DEFAULT_LIMIT;
  if (limit <= 0) throw invalidParam("'limit' must be positive");
  limit = Math.min(limit, MAX_LIMIT);
  docIdOf(query, body);
  const list = runFind(candidates(coll, query), { query, order, offset, limit, projection, geo: { name, indexes: coll.declared } });
  return { data: { list: list.map(encodeReadDoc), limit, offset } };
}

/** database.insertDocument (data: EJSON[]) → { data: { insertedIds } }. All-or-nothing. */
export async function insertDocument(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  const items: unknown[] = Array.isArray(body.data) ? body.data : body.data === undefined ? [] : [body.data];
  if (items.length === 0) throw invalidParam("'data' must hold at least one document");
  const docs = items.map((raw, i) => {
    const parsed = parseEJSONObject(raw, `data[${i}]`, ctx.now);
    const { _id, ...rest } = parsed;
    const doc: Doc = { _id: _id === undefined || _id === null ? ctx.newId() : _id, ...rest };
    idKeyOf(doc._id);
    assertStorable(doc, 'insert');
    return doc;
  });
  const tx = txFor(ctx, body);
  if (tx) {
    for (const doc of docs) {
      const id = doc._id as DocId;
      const idKey = idKeyOf(id);
      if (ctx.txm.read(tx, name, idKey) !== null) throw duplicateWrite(name, '_id_', `{ _id: ${JSON.stringify(id)} }`);
      ctx.txm.prepareWrite(tx, name, idKey);
      ctx.store.check(ctx.txm.changes(tx, { collection: name, idKey, id, doc }));
      ctx.txm.write(tx, name, idKey, id, doc);
    }
    return { data: { insertedIds: docs.map((d) => answeredId(d._id)) } };
  }
  return writeNonTx(ctx, () => {
    const changes: Change[] = docs.map((doc) => ({
      collection: name,
      idKey: idKeyOf(doc._id),
      id: doc._id as DocId,
      before: null,
      after: doc,
    }));
    assertUnlocked(
      ctx,
      name,
      changes.map((c) => c.idKey),
    );
    return { changes, result: { data: { insertedIds: docs.map((d) => answeredId(d._id)) } } };
  });
}

/**
 * An _id as answered in plain-JSON fields (insertedIds, upsert_id): an ObjectId as its hex string
 * (node-sdk test/database/unit/oid.test.ts:39-47: add({ _id: db.ObjectId({ id }) }) answers id === the hex string).
 */
function answeredId(id: unknown): unknown {
  return isObjectId(id) ? id.toHexString() : id;
}

interface Modification {
  merge: boolean;
  spec?: UpdateSpec;
  replacement?: Record<string, unknown>;
}

/**
 * `modified` decides `updated`: an operator update counts only a real change (MongoDB's nModified: update() writing
 * the values a document already has answers updated 0), a replacement (set()) of an existing document always counts 1
 * (WeChat/CloudBase Document.set reference: "updated: 若指定的 _id 已存在则为 1，否则为 0",
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/database/doc.set.html).
 */
function modify(ctx: Ctx, doc: Doc, m: Modification): { doc: Doc; modified: boolean } {
  if (m.merge) return applyUpdate(doc, m.spec!, ctx.now);
  return { doc: applyReplacement(doc._id as DocId, m.replacement!), modified: true };
}

function upsertDoc(ctx: Ctx, query: Record<string, unknown>, id: DocId | undefined, m: Modification): Doc {
  if (!m.merge) return applyReplacement(id ?? ctx.newId(), m.replacement!);
  const seed = seedFromQuery(query);
  const { _id, ...rest } = seed;
  const docId = id ?? (_id === undefined ? ctx.newId() : (_id as DocId));
  idKeyOf(docId);
  return applyUpdate({ _id: docId, ...rest }, m.spec!, ctx.now).doc;
}

/**
 * database.modifyDocument (query, data, queryType DOC|WHERE, multi, merge, upsert)
 * → { data: { updated, upsert_id? } }. merge:false is doc.set() (a replacement, upsert:true).
 * `updated` counts documents actually changed (MongoDB's nModified).
 */
export async function modifyDocument(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  // collection.update() without where() sends no query; CloudBase answers INVALID_PARAM (node-sdk index.test.ts:132-138).
  if (body.query === undefined || body.query === null || body.query === '')
    throw invalidParam('update needs a query: use where() or doc()');
  const query = parseQuery(ctx, body.query);
  const data = parseEJSONObject(body.data, 'data', ctx.now);
  const multi = body.multi === true;
  const merge = body.merge !== false;
  const upsert = body.upsert === true;
  const m: Modification = merge ? { merge, spec: validateUpdate(data) } : { merge, replacement: data };
  if (!merge && multi) throw invalidParam('a replacement (merge: false) cannot be multi');
  const id = docIdOf(query, body);
  const tx = txFor(ctx, body);
  if (tx) {
    const { id: docId, idKey, view } = txTarget(ctx, tx, name, id);
    if (!view && !upsert) return { data: { updated: 0 } };
    ctx.txm.prepareWrite(tx, name, idKey);
    const next = view ? modify(ctx, view, m) : { doc: upsertDoc(ctx, query, docId, m), modified: true };
    if (!next.modified) return { data: { updated: 0 } };
    ctx.store.check(ctx.txm.changes(tx, { collection: name, idKey, id: docId, doc: next.doc }));
    ctx.txm.write(tx, name, idKey, docId, next.doc);
    return view ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: answeredId(docId) } };
  }
  if (!ctx.store.get(name) && !upsert) throw collectionNotExist(name);
  return writeNonTx<{ data: { updated: number; upsert_id?: unknown } }>(ctx, () => {
    const matched = matching(ctx, name, query, multi);
    assertUnlocked(
      ctx,
      name,
      matched.map((d) => idKeyOf(d._id)),
    );
    const changes: Change[] = [];
    for (const d of matched) {
      const next = modify(ctx, d, m);
      if (next.modified) changes.push({ collection: name, idKey: idKeyOf(d._id), id: d._id as DocId, before: d, after: next.doc });
    }
    if (matched.length === 0 && upsert) {
      const doc = upsertDoc(ctx, query, id, m);
      const idKey = idKeyOf(doc._id);
      assertUnlocked(ctx, name, [idKey]);
      changes.push({ collection: name, idKey, id: doc._id as DocId, before: null, after: doc });
      return { changes, result: { data: { updated: 0, upsert_id: answeredId(doc._id) } } };
    }
    return { changes, result: { data: { updated: changes.length } } };
  });
}

/**
 * database.modifyAndReturnDoc (query, data; Query.updateAndReturn()) → { data: { updated, doc } }: the first matching
 * document (natural order) gets the operator update and `doc` is its new version (EJSON); nothing matched → updated 0,
 * doc null. A match counts 1 even when the update changes nothing (node-sdk test/database/index.test.ts:267-287).
 */
export async function modifyAndReturnDoc(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  const query = parseQuery(ctx, body.query);
  const spec = validateUpdate(parseEJSONObject(body.data, 'data', ctx.now));
  const tx = txFor(ctx, body);
  if (tx) {
    const id = docQueryId(query);
    const {
      id: docId,
      idKey,
      view,
    } = txTarget(ctx, tx, name, id, `updateAndReturn() with a query other than {_id} inside a transaction (${SINGLE_DOC_ONLY})`);
    if (!view) return { data: { updated: 0, doc: null } };
    ctx.txm.prepareWrite(tx, name, idKey);
    const next = applyUpdate(view, spec, ctx.now);
    if (next.modified) {
      ctx.store.check(ctx.txm.changes(tx, { collection: name, idKey, id: docId, doc: next.doc }));
      ctx.txm.write(tx, name, idKey, docId, next.doc);
    }
    return { data: { updated: 1, doc: encodeReadDoc(next.doc) } };
  }
  ctx.store.require(name);
  return writeNonTx<{ data: { updated: number; doc: string | null } }>(ctx, () => {
    const [d] = matching(ctx, name, query, false);
    if (!d) return { changes: [], result: { data: { updated: 0, doc: null } } };
    const idKey = idKeyOf(d._id);
    assertUnlocked(ctx, name, [idKey]);
    const next = applyUpdate(d, spec, ctx.now);
    const changes: Change[] = next.modified ? [{ collection: name, idKey, id: d._id as DocId, before: d, after: next.doc }] : [];
    return { changes, result: { data: { updated: 1, doc: encodeReadDoc(next.doc) } } };
  });
}

/** database.removeDocument (query, queryType, multi) → { data: { deleted } }. */
export async function removeDocument(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  const query = parseQuery(ctx, body.query);
  const multi = body.multi === true;
  const id = docIdOf(query, body);
  const tx = txFor(ctx, body);
  if (tx) {
    const { id: docId, idKey, view } = txTarget(ctx, tx, name, id);
    if (!view) return { data: { deleted: 0 } };
    ctx.txm.prepareWrite(tx, name, idKey);
    ctx.txm.write(tx, name, idKey, docId, null);
    return { data: { deleted: 1 } };
  }
  ctx.store.require(name);
  return writeNonTx(ctx, () => {
    const matched = matching(ctx, name, query, multi);
    const changes: Change[] = matched.map((d) => ({ collection: name, idKey: idKeyOf(d._id), id: d._id as DocId, before: d, after: null }));
    assertUnlocked(
      ctx,
      name,
      changes.map((c) => c.idKey),
    );
    return { changes, result: { data: { deleted: changes.length } } };
  });
}

function refuseTransaction(body: Body, what: string): void {
  if (body.transactionId !== undefined && body.transactionId !== null && body.transactionId !== '') {
    throw notImplemented(`${what} inside a transaction (the SDK never sends it)`);
  }
}

/** database.calculateDocument (count) → { data: { total } }. */
export async function calculateDocument(ctx: Ctx, body: Body): Promise<object> {
  refuseTransaction(body, 'count()');
  const name = checkCollectionName(body.collectionName);
  const query = parseQuery(ctx, body.query);
  const coll = ctx.store.require(name);
  const test = compileQuery(query, 'count');
  let total = 0;
  for (const d of candidates(coll, query)) if (test(d)) total += 1;
  return { data: { total } };
}

/** database.aggregateDocuments (stages [{stageKey, stageValue}]) → { data: { list: EJSON[] } }. */
export async function aggregateDocuments(ctx: Ctx, body: Body): Promise<object> {
  refuseTransaction(body, 'aggregate()');
  const name = checkCollectionName(body.collectionName);
  const coll = ctx.store.require(name);
  const pipeline = parsePipeline(body.stages, ctx.now);
  // A first $match on one _id is looked up, not scanned: the stage itself still runs on what is found.
  const first = pipeline[0]?.$match;
  const docs = isPlainObject(first) ? candidates(coll, first).map(clone) : ctx.store.snapshotDocs(name);
  const joined = (n: string, where?: Record<string, unknown>) => {
    if (!where) return ctx.store.snapshotDocs(n);
    const test = compileQuery(where, '$match');
    return candidates(ctx.store.get(n), where).filter(test).map(clone);
  };
  const list = runPipeline(docs, pipeline, joined, { name, indexes: coll.declared });
  return { data: { list: list.map(encodeDoc) } };
}

/** database.addCollection (db.createCollection) → {} or DATABASE_COLLECTION_ALREADY_EXIST. */
export async function addCollection(ctx: Ctx, body: Body): Promise<object> {
  const name = checkCollectionName(body.collectionName);
  if (ctx.store.get(name)) throw new DbError(ErrorCode.COLLECTION_ALREADY_EXIST, `collection already exists: ${name}`);
  ctx.store.create(name);
  await ctx.store.persistence.ensure(name);
  return {};
}
