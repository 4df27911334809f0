// 上级队伍: a bottom sheet that searches approved teams by name; tapping one chooses it.
import { useState } from 'react';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { Popup } from '../../../components/nutui/popup';
import { searchOrgs } from '../../../services/org';
import { useResource } from '../../../hooks/use-resource';
import { regionName } from '../../../utils/region';
import type { Org } from '@contract/org';
import { useRegions } from '../../../hooks/use-regions';

type Props = { value: { id: string; name: string }; onChange: (org: Org) => void };

export default function ParentPicker({ value, onChange }: Props) {
  useRegions();
  const [open, setOpen] = useState(false);
  const [keyword, setKeyword] = useState('');
  // Searched for the first time when the sheet opens, again on 搜索 (with the keyword as typed then).
  const [asked, setAsked] = useState(false);
  const { state: list, reload: search } = useResource(() => searchOrgs({ keyword: keyword.trim() || undefined, pageSize: 50 }), [], {
    when: 'manual',
  });

  const show = () => {
    setOpen(true);
    if (!asked || list.status === 'error') search();
    setAsked(true);
  };

  return (
    <View className='parent-picker'>
      <View className='option-picker__trigger orgreg-parent' onClick={show}>
        <Text className={value.id ? 'option-picker__value' : 'option-picker__placeholder'}>
          {value.id ? value.name : '搜索并选择上级队伍'}
        </Text>
        <Text className='option-picker__arrow'>›</Text>
      </View>
      <Popup visible={open} position='bottom' round title='选择上级队伍' closeable onClose={() => setOpen(false)}>
        <View className='parent-picker__sheet'>
          <View className='parent-picker__search'>
            <Input
              className='field-input orgreg-parent-keyword'
              placeholder='输入队伍名称搜索'
              value={keyword}
              confirmType='search'
              onInput={(e) => setKeyword(e.detail.value)}
              onConfirm={() => search()}
            />
            <Button className='orgreg-parent-search' size='small' onClick={() => search()}>
              搜索
            </Button>
          </View>
          <ScrollView scrollY className='parent-picker__list'>
            {asked && list.status === 'loading' ? <Text className='parent-picker__muted orgreg-parent-loading'>正在加载队伍…</Text> : null}
            {list.status === 'error' ? (
              <View className='parent-picker__error'>
                <Text className='parent-picker__error-text orgreg-parent-error'>队伍列表加载失败：{list.error.message}</Text>
                <Button size='small' className='orgreg-parent-retry' onClick={() => search()}>
                  重试
                </Button>
              </View>
            ) : null}
            {list.status === 'ready' && list.data.items.length === 0 ? (
              <Text className='parent-picker__muted orgreg-parent-empty'>没有找到队伍，换个名称试试</Text>
            ) : null}
            {list.status === 'ready'
              ? list.data.items.map((o) => (
                  <View
                    key={o._id}
                    className={`parent-picker__item orgreg-parent-option${o._id === value.id ? ' is-active' : ''}`}
                    onClick={() => {
                      onChange(o);
                      setOpen(false);
                    }}
                  >
                    <Text className='parent-picker__name'>{o.name}</Text>
                    <Text className='parent-picker__meta'>
                      {o.level} · {regionName(o.region)}
                    </Text>
                  </View>
                ))
              : null}
            {list.status === 'ready' && list.data.total > list.data.items.length ? (
              <Text className='parent-picker__muted'>共{list.data.total}支队伍，请输入名称缩小范围</Text>
            ) : null}
          </ScrollView>
        </View>
      </Popup>
    </View>
  );
}
