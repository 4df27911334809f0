// 所在地区: pickers 省 → 市 (→ 区县) over GB/T 2260 codes; changing a level clears the ones below. On weapp a form may
// offer 按位置填写: the place picked on WeChat's map names the region in its address (no geocoding service needed).
import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import OptionPicker from '../option-picker';
import { choosePlace } from '../../device/location';
import { cityOptions, countyOptions, provinceOptions, regionFromAddress, type RegionOption } from '../../utils/region';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

export type RegionValue = { province: string; city: string; county: string };
export const EMPTY_REGION: RegionValue = { province: '', city: '', county: '' };

type Props = {
  value: RegionValue;
  onChange: (value: RegionValue) => void;
  /** Class prefix of the three triggers: `<name>-province`, `<name>-city`, `<name>-county`. */
  name: string;
  /** 2 stops at the city (search filters); 3 asks for the county too (forms). */
  depth?: 2 | 3;
  /** Placeholders; a filter says 全部省份 where a form says 省份. */
  placeholders?: [string, string, string?];
  /** Filters: each list starts with its placeholder (全部省份 …), which clears that level. */
  clearable?: boolean;
  /** Forms on weapp: a `<name>-locate` link fills the region from a place picked on the map. */
  locate?: boolean;
};

const canLocate = process.env.TARO_ENV === 'weapp';

/** Fills the region from a place picked on WeChat's map; says so when its address names none. */
async function regionFromMap(onChange: (value: RegionValue) => void): Promise<void> {
  try {
    const place = await choosePlace();
    if (!place) return;
    const region = regionFromAddress(place.address);
    if (region) onChange(region);
    else void Taro.showToast({ title: '未能识别所在地区，请手动选择', icon: 'none', duration: 2500 });
  } catch {
    void Taro.showToast({ title: '无法打开地图，请在设置中允许使用位置信息', icon: 'none', duration: 2500 });
  }
}

const toPicker = (list: RegionOption[]) => list.map((o) => ({ value: o.code, text: o.name }));
/** A filter's list starts with its placeholder (全部省份 …), which clears that level. */
const withAll = (list: RegionOption[], all: string, clearable?: boolean) =>
  clearable ? [{ value: '', text: all }, ...toPicker(list)] : toPicker(list);

export default function RegionPicker({
  value,
  onChange,
  name,
  depth = 3,
  placeholders = ['省份', '城市', '区县'],
  clearable,
  locate,
}: Props) {
  const [provinceAll, cityAll, countyAll = '区县'] = placeholders;
  // The lists are empty until the region table arrives, and made again then.
  const regions = useRegions();
  const provinces = useMemo(() => (regions ? withAll(provinceOptions(), provinceAll, clearable) : []), [regions, provinceAll, clearable]);
  const cities = useMemo(
    () => (regions ? withAll(cityOptions(value.province), cityAll, clearable) : []),
    [regions, value.province, cityAll, clearable],
  );
  const counties = useMemo(
    () => (regions ? withAll(countyOptions(value.city), countyAll, clearable) : []),
    [regions, value.city, countyAll, clearable],
  );

  return (
    <View className={`region-picker is-depth-${depth}`}>
      <OptionPicker
        className={`${name}-province`}
        title='选择省份'
        placeholder={placeholders[0]}
        options={provinces}
        value={value.province}
        onChange={(province) => onChange({ province, city: '', county: '' })}
      />
      <OptionPicker
        className={`${name}-city`}
        title='选择城市'
        placeholder={placeholders[1]}
        options={cities}
        value={value.city}
        disabled={!value.province}
        onChange={(city) => onChange({ ...value, city, county: '' })}
      />
      {depth === 3 ? (
        <OptionPicker
          className={`${name}-county`}
          title='选择区县'
          placeholder={placeholders[2] ?? '区县'}
          options={counties}
          value={value.county}
          disabled={!value.city}
          onChange={(county) => onChange({ ...value, county })}
        />
      ) : null}
      {locate && canLocate ? (
        <Text className={`region-picker__locate ${name}-locate`} onClick={() => void regionFromMap(onChange)}>
          按地图位置填写
        </Text>
      ) : null}
    </View>
  );
}
