// 成员管理's search box (a name, a whole phone or its last 4 digits; × clears it) and filter chips: 角色, 加入时间 and
// 近90天活跃. Test classes: members-keyword, members-clear, members-search-go, members-query-hint, members-chip-<kind>,
// members-option.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { ROLE_LABEL, ROLES, type Role } from '@contract/enums';
import { ACTIVE_MEMBER_DAYS } from '@contract/org';
import { JOINED_LABEL, JOINED_PRESETS, queryProblem, type JoinedPreset, type MemberFilters } from '../helpers';

type Props = { filters: MemberFilters; onChange: (next: MemberFilters) => void };
type Panel = 'role' | 'joined' | null;

export default function MemberFilterBar({ filters, onChange }: Props) {
  const [text, setText] = useState(filters.q);
  const [hint, setHint] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  // 清除筛选 elsewhere empties the box too.
  useEffect(() => setText(filters.q), [filters.q]);

  const search = () => {
    const q = text.trim();
    const problem = q ? queryProblem(q) : undefined;
    setHint(problem ?? '');
    if (!problem && q !== filters.q) onChange({ ...filters, q });
  };
  const clear = () => {
    setText('');
    setHint('');
    if (filters.q) onChange({ ...filters, q: '' });
  };
  const pickRole = (role: Role | undefined) => {
    setPanel(null);
    onChange({ ...filters, role });
  };
  const pickJoined = (joined: JoinedPreset | undefined) => {
    setPanel(null);
    onChange({ ...filters, joined });
  };
  const toggle = (p: Exclude<Panel, null>) => setPanel(panel === p ? null : p);

  return (
    <View className='members-filters'>
      <View className='members-filters__search'>
        <Input
          className='members-filters__input members-keyword'
          placeholder='搜索姓名、手机号或手机号后4位'
          value={text}
          maxlength={40}
          confirmType='search'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={search}
        />
        {text ? (
          <Text className='members-filters__clear members-clear' onClick={clear}>
            ×
          </Text>
        ) : null}
        <Button className='members-search-go' size='small' type='primary' onClick={search}>
          搜索
        </Button>
      </View>
      {hint ? <Text className='members-filters__hint members-query-hint'>{hint}</Text> : null}
      <View className='members-filters__chips'>
        <Text className={`members-filters__chip members-chip-role ${filters.role ? 'is-on' : ''}`} onClick={() => toggle('role')}>
          {filters.role ? ROLE_LABEL[filters.role] : '角色'} ▾
        </Text>
        <Text className={`members-filters__chip members-chip-joined ${filters.joined ? 'is-on' : ''}`} onClick={() => toggle('joined')}>
          {filters.joined ? `加入：${JOINED_LABEL[filters.joined]}` : '加入时间'} ▾
        </Text>
        <Text
          className={`members-filters__chip members-chip-active ${filters.active90 ? 'is-on' : ''}`}
          onClick={() => onChange({ ...filters, active90: !filters.active90 })}
        >
          近{ACTIVE_MEMBER_DAYS}天活跃
        </Text>
      </View>
      {panel === 'role' ? (
        <View className='members-filters__options'>
          <Option on={!filters.role} label='全部角色' onPick={() => pickRole(undefined)} />
          {ROLES.map((r) => (
            <Option key={r} on={filters.role === r} label={ROLE_LABEL[r]} onPick={() => pickRole(r)} />
          ))}
        </View>
      ) : null}
      {panel === 'joined' ? (
        <View className='members-filters__options'>
          <Option on={!filters.joined} label='不限' onPick={() => pickJoined(undefined)} />
          {JOINED_PRESETS.map((p) => (
            <Option key={p} on={filters.joined === p} label={JOINED_LABEL[p]} onPick={() => pickJoined(p)} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function Option({ on, label, onPick }: { on: boolean; label: string; onPick: () => void }) {
  return (
    <Text className={`members-filters__option members-option ${on ? 'is-on' : ''}`} onClick={onPick}>
      {label}
    </Text>
  );
}
