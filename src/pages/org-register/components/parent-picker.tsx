// 上级队伍: a bottom sheet that searches approved teams by name; tapping one chooses it.
import { useRef, useState } from 'react';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { Button, Popup } from '../../../components/nutui';
import { searchOrgs } from '../../../services/org';
import { toCloudError } from '../../../services/cloud-error';
import { regionName } from '../../../utils/region';
import type { Org } from '../../../../types/org';

type Props = { value: { id: string; name: string }; onChange: (org: Org) => void };

type ListState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Org[]; total: number };

export default function ParentPicker({ value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [list, setList] = useState<ListState>({ status: 'idle' });
  const latest = useRef(0);

  const load = (kw: string) => {
    const ticket = ++latest.current;
    setList({ status: 'loading' });
    searchOrgs({ keyword: kw.trim() || undefined, pageSize: 50 }).then(
      (res) => ticket === latest.current && setList({ status: 'ready', items: res.items, total: res.total }),
      (e: unknown) => ticket === latest.current && setList({ status: 'error', message: toCloudError(e).message }),
    );
  };

  const show = () => {
    setOpen(true);
    if (list.status === 'idle' || list.status === 'error') load(keyword);
  };

  return (
    <View className='parent-picker'>
      <View className='option-picker__trigger orgreg-parent' onClick={show}>
        <Text className={value.id ? 'option-picker__value' : 'option-picker__placeholder'}>{value.id ? value.name : '搜索并选择上级队伍'}</Text>
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
              onConfirm={() => load(keyword)}
            />
            <Button className='orgreg-parent-search' size='small' onClick={() => load(keyword)}>
              搜索
            </Button>
          </View>
          <ScrollView scrollY className='parent-picker__list'>
            {list.status === 'loading' ? <Text className='parent-picker__muted orgreg-parent-loading'>正在加载队伍…</Text> : null}
            {list.status === 'error' ? (
              <View className='parent-picker__error'>
                <Text className='parent-picker__error-text orgreg-parent-error'>队伍列表加载失败：{list.message}</Text>
                <Button size='small' className='orgreg-parent-retry' onClick={() => load(keyword)}>
                  重试
                </Button>
              </View>
            ) : null}
            {list.status === 'ready' && list.items.length === 0 ? (
              <Text className='parent-picker__muted orgreg-parent-empty'>没有找到队伍，换个名称试试</Text>
            ) : null}
            {list.status === 'ready'
              ? list.items.map((o) => (
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
            {list.status === 'ready' && list.total > list.items.length ? (
              <Text className='parent-picker__muted'>共{list.total}支队伍，请输入名称缩小范围</Text>
            ) : null}
          </ScrollView>
        </View>
      </Popup>
    </View>
  );
}
