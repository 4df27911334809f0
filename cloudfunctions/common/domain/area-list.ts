// The GB/T 2260 name tables (@vant/area-data, 160 KB of literals) for the few actions that turn region codes into names
// or names into codes (imports, exports): required on first use, so a function's cold start does not evaluate them.
import type { areaList as AreaListTables } from '@vant/area-data';

let tables: typeof AreaListTables | undefined;

/** The province, city and county tables, code → name. */
export function areaList(): typeof AreaListTables {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tables ??= (require('@vant/area-data') as { areaList: typeof AreaListTables }).areaList;
  return tables;
}
