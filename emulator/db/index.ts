// Why: the public surface of the emulator's database engine (what the gateway, dev endpoints and tests import).
export { createDatabase } from './engine';
export type { CollectionSpec, DatabaseEngine, DatabaseOptions } from './engine';
export { createDatabaseServer, tcbRequestListener } from './server';
export { ErrorCode } from './errors';
export { DEFAULT_LIMIT, MAX_LIMIT, AGGREGATE_DEFAULT_LIMIT } from './documents';
export { TRANSACTION_LIFETIME_MS } from './transactions';
