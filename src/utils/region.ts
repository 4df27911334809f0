// GB/T 2260 province/city/county options and names. The table is not in the package (src/services/region.ts loads
// it once, useRegions re-renders when it arrives): until then names are '' and the option lists empty.
import type { Region } from '@contract/common';
import type { RegionTableOutput } from '@contract/region';

export type RegionOption = { code: string; name: string };
export type RegionTable = RegionTableOutput;

let table: RegionTable | undefined;
const EMPTY: RegionTable = { province: {}, city: {}, county: {} };

export function setRegionTable(next: RegionTable): void {
  table = next;
}
export const hasRegionTable = (): boolean => table !== undefined;
const areaList = () => table ?? EMPTY;

const toOptions = (list: Record<string, string>, prefix: string): RegionOption[] =>
  Object.keys(list)
    .filter((code) => code.startsWith(prefix))
    .sort()
    .map((code) => ({ code, name: list[code] }));

export const provinceOptions = (): RegionOption[] => toOptions(areaList().province, '');
/** Cities share the province's first two digits. */
export const cityOptions = (province: string): RegionOption[] => (province ? toOptions(areaList().city, province.slice(0, 2)) : []);
/** Counties share the city's first four digits. */
export const countyOptions = (city: string): RegionOption[] => (city ? toOptions(areaList().county, city.slice(0, 4)) : []);

export const provinceName = (code: string): string => areaList().province[code] ?? '';
export const cityName = (code: string): string => areaList().city[code] ?? '';
export const countyName = (code: string): string => areaList().county[code] ?? '';

/** 湖南省 益阳市 赫山区; a municipality's city level (北京市 北京市) is shown once; '' while the table loads. */
export function regionName(region: Region): string {
  if (!table) return '';
  const parts = [provinceName(region.province), cityName(region.city), countyName(region.county)].filter(Boolean);
  return parts.filter((p, i) => p !== parts[i - 1]).join(' ') || region.county;
}

/** A province's name without its suffix (甘肃省 → 甘肃, 广西壮族自治区 → 广西), as addresses sometimes write it. */
const shortProvince = (name: string) => name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');

/** The option whose name `text` starts with, and the text after it. */
function leading(
  text: string,
  list: RegionOption[],
  names: (o: RegionOption) => string[] = (o) => [o.name],
): [RegionOption, string] | undefined {
  for (const o of list) for (const n of names(o)) if (n && text.startsWith(n)) return [o, text.slice(n.length)];
  return undefined;
}

/**
 * The region an address names, as WeChat's chooseLocation writes it (甘肃省兰州市城关区东岗西路1号): the codes as far
 * as the address names them, '' for the rest; undefined when it starts with no province or city we know. A
 * municipality's city is its only one (北京市东城区…); a city named without its province (兰州市城关区…) gives both.
 */
export function regionFromAddress(address: string): { province: string; city: string; county: string } | undefined {
  const text = address.replace(/\s+/g, '').replace(/^中国/, '');
  const byProvince = leading(text, provinceOptions(), (o) => [o.name, shortProvince(o.name)]);
  let city: [RegionOption, string] | undefined;
  if (byProvince) {
    const [p, rest] = byProvince;
    const cities = cityOptions(p.code);
    city = leading(rest, cities) ?? (cities.length === 1 ? [cities[0], rest] : undefined);
    if (!city) return { province: p.code, city: '', county: '' };
  } else {
    city = leading(
      text,
      provinceOptions().flatMap((p) => cityOptions(p.code)),
    );
    if (!city) return undefined;
  }
  const [c, rest] = city;
  const county = leading(rest, countyOptions(c.code));
  return { province: `${c.code.slice(0, 2)}0000`, city: c.code, county: county?.[0].code ?? '' };
}
