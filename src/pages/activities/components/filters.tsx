// The filters of the activity square: keyword, region (province, city), category and 离我最近.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import OptionPicker from '../../../components/option-picker';
import RegionPicker, { type RegionValue } from '../../../components/region-picker';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../../types/enums';

export type SquareQuery = { keyword: string; region: RegionValue; category: ServiceCategory | '' };

const CATEGORY_OPTIONS = [{ value: '', text: '全部类别' }, ...SERVICE_CATEGORIES.map((c) => ({ value: c, text: c }))];

type Props = {
  query: SquareQuery;
  onChange: (patch: Partial<SquareQuery>) => void;
  near: 'off' | 'locating' | 'on';
  onToggleNear: () => void;
};

export default function SquareFilters({ query, onChange, near, onToggleNear }: Props) {
  const [keyword, setKeyword] = useState(query.keyword);
  const search = () => onChange({ keyword: keyword.trim() });
  return (
    <View className='acts__filters'>
      <View className='acts__search'>
        <Input
          className='acts__input act-keyword'
          placeholder='搜索活动名称'
          value={keyword}
          maxlength={40}
          confirmType='search'
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={search}
        />
        <Button className='act-search' size='small' type='primary' onClick={search}>
          搜索
        </Button>
      </View>
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
