// The keyword box of a list (活动广场, 队伍): typed freely, searched on 搜索 or the keyboard's search key; × clears the
// box and searches everything again.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import './index.scss';

type Props = {
  /** Class prefix of the input and the buttons: `<name>-keyword`, `<name>-clear`, `<name>-search`. */
  name: string;
  placeholder: string;
  initial?: string;
  onSearch: (keyword: string) => void;
};

export default function SearchBar({ name, placeholder, initial = '', onSearch }: Props) {
  const [keyword, setKeyword] = useState(initial);
  // A page that clears its filters clears the box too.
  useEffect(() => setKeyword(initial), [initial]);
  const search = () => onSearch(keyword.trim());
  const clear = () => {
    setKeyword('');
    onSearch('');
  };
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
      {keyword ? (
        <View className={`search-bar__clear ${name}-clear`} aria-label='清除' onClick={clear}>
          <Text className='search-bar__clear-x'>×</Text>
        </View>
      ) : null}
      <Button className={`${name}-search`} size='small' type='primary' onClick={search}>
        搜索
      </Button>
    </View>
  );
}
