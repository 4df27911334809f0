// The keyword box of a list (活动广场, 队伍): typed freely, searched on 搜索 or the keyboard's search key.
import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { Button } from '../nutui';
import './index.scss';

type Props = {
  /** Class prefix of the input and the button: `<name>-keyword`, `<name>-search`. */
  name: string;
  placeholder: string;
  initial?: string;
  onSearch: (keyword: string) => void;
};

export default function SearchBar({ name, placeholder, initial = '', onSearch }: Props) {
  const [keyword, setKeyword] = useState(initial);
  const search = () => onSearch(keyword.trim());
  return (
    <View className='search-bar'>
      <Input
        className={`search-bar__input ${name}-keyword`}
        placeholder={placeholder}
        value={keyword}
        maxlength={40}
        confirmType='search'
        onInput={(e) => setKeyword(e.detail.value)}
        onConfirm={search}
      />
      <Button className={`${name}-search`} size='small' type='primary' onClick={search}>
        搜索
      </Button>
    </View>
  );
}
