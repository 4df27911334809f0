// The filters of the activity square: keyword always; region (province, city), category and 离我最近 fold under 筛选
// (closed at first, so the list starts high on a small phone), which says how many of them are on.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import OptionPicker from '../../../components/option-picker';
import RegionPicker, { type RegionValue } from '../../../components/region-picker';
import SearchBar from '../../../components/search-bar';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@contract/enums';

export type SquareQuery = { keyword: string; region: RegionValue; category: ServiceCategory | '' };

const CATEGORY_OPTIONS = [{ value: '', text: '全部类别' }, ...SERVICE_CATEGORIES.map((c) => ({ value: c, text: c }))];

type Props = {
  query: SquareQuery;
  onChange: (patch: Partial<SquareQuery>) => void;
  near: 'off' | 'locating' | 'on';
  onToggleNear: () => void;
};

export default function SquareFilters({ query, onChange, near, onToggleNear }: Props) {
  const [open, setOpen] = useState(false);
  const on = (query.region.province ? 1 : 0) + (query.category ? 1 : 0) + (near === 'on' ? 1 : 0);
  return (
    <View className='acts__filters'>
      <View className='acts__search-row'>
        <View className='acts__search'>
          <SearchBar name='act' placeholder='搜索活动名称' initial={query.keyword} onSearch={(keyword) => onChange({ keyword })} />
        </View>
        <View className={`acts__fold act-filter-toggle${open ? ' is-open' : ''}${on ? ' is-on' : ''}`} onClick={() => setOpen(!open)}>
          <Text>{on ? `筛选·${on}` : '筛选'}</Text>
          <Text className='acts__fold-arrow'>{open ? '▴' : '▾'}</Text>
        </View>
      </View>
      {open ? (
        <View className='acts__more act-filters-more'>
          <RegionPicker
            name='act-region'
            depth={2}
            clearable
            placeholders={['全部省份', '全部城市']}
            value={query.region}
            onChange={(region) => onChange({ region })}
          />
          <View className='acts__row'>
            <OptionPicker
              className='act-category'
              title='服务类别'
              placeholder='全部类别'
              options={CATEGORY_OPTIONS}
              value={query.category}
              onChange={(v) => onChange({ category: SERVICE_CATEGORIES.find((c) => c === v) ?? '' })}
            />
            <View className={`acts__near act-near${near === 'on' ? ' is-on' : ''}`} onClick={onToggleNear}>
              <Text>{near === 'locating' ? '定位中…' : '离我最近'}</Text>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
