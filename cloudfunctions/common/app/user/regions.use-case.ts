// user.regions: the GB/T 2260 table (from @vant/area-data, as the import and the report forms read it). The mini
// program does not carry it in its package; anyone may ask, registered or not (注册 picks a region).
import { areaList } from '@vant/area-data';
import type { RegionTableOutput } from '@contract/region';

export async function regions(): Promise<RegionTableOutput> {
  return { province: areaList.province_list, city: areaList.city_list, county: areaList.county_list };
}
