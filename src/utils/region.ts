// GB/T 2260 province/city/county options and names, from @vant/area-data.
import { areaList } from '@vant/area-data';
import type { Region } from '@contract/common';

export type RegionOption = { code: string; name: string };

const toOptions = (list: Record<string, string>, prefix: string): RegionOption[] =>
  Object.keys(list)
    .filter((code) => code.startsWith(prefix))
    .sort()
    .map((code) => ({ code, name: list[code] }));

export const provinceOptions = (): RegionOption[] => toOptions(areaList.province_list, '');
/** Cities share the province's first two digits. */
export const cityOptions = (province: string): RegionOption[] => (province ? toOptions(areaList.city_list, province.slice(0, 2)) : []);
/** Counties share the city's first four digits. */
export const countyOptions = (city: string): RegionOption[] => (city ? toOptions(areaList.county_list, city.slice(0, 4)) : []);

export const provinceName = (code: string): string => areaList.province_list[code] ?? '';
export const cityName = (code: string): string => areaList.city_list[code] ?? '';
export const countyName = (code: string): string => areaList.county_list[code] ?? '';

/** 湖南省 益阳市 赫山区; a municipality's city level (北京市 北京市) is shown once. */
export function regionName(region: Region): string {
  const parts = [provinceName(region.province), cityName(region.city), countyName(region.county)].filter(Boolean);
  return parts.filter((p, i) => p !== parts[i - 1]).join(' ') || region.county;
}
