// 所在地区: three pickers (省 → 市 → 区县) over GB/T 2260 codes; changing a level clears the ones below.
import { useMemo } from 'react';
import { View } from '@tarojs/components';
import OptionPicker from '../../../components/option-picker';
import { cityOptions, countyOptions, provinceOptions, type RegionOption } from '../../../utils/region';

export type RegionValue = { province: string; city: string; county: string };

type Props = { value: RegionValue; onChange: (value: RegionValue) => void };

const toPicker = (list: RegionOption[]) => list.map((o) => ({ value: o.code, text: o.name }));

export default function RegionPicker({ value, onChange }: Props) {
  const provinces = useMemo(() => toPicker(provinceOptions()), []);
  const cities = useMemo(() => toPicker(cityOptions(value.province)), [value.province]);
  const counties = useMemo(() => toPicker(countyOptions(value.city)), [value.city]);

  return (
    <View className='region-picker'>
      <OptionPicker
        className='reg-region-province'
        title='选择省份'
        placeholder='省份'
        options={provinces}
        value={value.province}
        onChange={(province) => onChange({ province, city: '', county: '' })}
      />
      <OptionPicker
        className='reg-region-city'
        title='选择城市'
        placeholder='城市'
        options={cities}
        value={value.city}
        disabled={!value.province}
        onChange={(city) => onChange({ ...value, city, county: '' })}
      />
      <OptionPicker
        className='reg-region-county'
        title='选择区县'
        placeholder='区县'
        options={counties}
        value={value.county}
        disabled={!value.city}
        onChange={(county) => onChange({ ...value, county })}
      />
    </View>
  );
}
