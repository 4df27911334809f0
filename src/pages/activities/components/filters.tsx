// The filters of the activity square: keyword, region (province, city), category and 离我最近.
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
  return (
    <View className='acts__filters'>
      <SearchBar name='act' placeholder='搜索活动名称' initial={query.keyword} onSearch={(keyword) => onChange({ keyword })} />
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
  );
}
