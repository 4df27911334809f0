// The region table user.regions answers, handed to src/utils/region as the app does once it has loaded it.
import { areaList } from '@vant/area-data';
import { setRegionTable } from '../../src/utils/region';

export function loadRegionTable(): void {
  setRegionTable({ province: areaList.province_list, city: areaList.city_list, county: areaList.county_list });
}
