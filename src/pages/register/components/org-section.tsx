// Step 3: choose 1–5 approved teams to apply to (an invitation's team already chosen); a keyword narrows the list,
// chosen teams stay listed.
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import { Button } from '../../../components/nutui/button';
import { Checkbox } from '../../../components/nutui/checkbox';
import { getOrg, searchOrgs } from '../../../services/org';
import { useResource } from '../../../hooks/use-resource';
import { regionName } from '../../../utils/region';
import type { Org } from '@contract/org';
import { useRegions } from '../../../hooks/use-regions';

export const MAX_ORGS = 5;

type Props = {
  value: string[];
  error?: string;
  onChange: (orgIds: string[]) => void;
  /** A team just ticked (the form takes its region as the volunteer's when none is chosen yet). */
  onChosen?: (org: Org) => void;
};

export default function OrgSection({ value, error, onChange, onChosen }: Props) {
  useRegions();
  const [keyword, setKeyword] = useState('');
  const known = useRef<Record<string, Org>>({});
  // All teams at first, then those the keyword (as typed when 搜索 is tapped) finds.
  const { state: list, reload: search } = useResource(() => searchOrgs(keyword.trim() ? { keyword: keyword.trim() } : {}), [], {
    onData: (res) => res.items.forEach((o) => (known.current[o._id] = o)),
  });

  // A team chosen before the page opened (an invitation's team) is read by itself when the first results lack it.
  const [, setLoaded] = useState(0);
  const missing = list.status === 'loading' ? [] : value.filter((id) => !known.current[id]);
  useEffect(() => {
    for (const id of missing)
      getOrg(id).then(
        (r) => {
          known.current[id] = r.org;
          setLoaded((n) => n + 1);
        },
        () => undefined,
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per missing team
  }, [missing.join(',')]);

  // Chosen teams first (even when the current search no longer finds them), then the rest of the results.
  const found = list.status === 'ready' ? list.data.items : [];
  const chosen = value.map((id) => known.current[id]).filter((o): o is Org => Boolean(o));
  const shown = [...chosen, ...found.filter((o) => !value.includes(o._id))];

  return (
    <View className='reg-section'>
      <View className='reg-section__title'>3 选择队伍</View>
      <FormField name='orgIds' label='申请加入' required error={error} hint={`可选择1–${MAX_ORGS}支队伍，由队伍负责人审核`} vertical>
        <View className='reg-orgs__search'>
          <Input
            className='field-input reg-org-keyword'
            placeholder='输入队伍名称搜索'
            value={keyword}
            confirmType='search'
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={() => search()}
          />
          <Button className='reg-org-search' size='small' onClick={() => search()}>
            搜索
          </Button>
        </View>
        {list.status === 'loading' ? <Text className='reg-orgs__muted reg-orgs-loading'>正在加载队伍…</Text> : null}
        {list.status === 'error' ? (
          <View className='reg-orgs__error reg-orgs-error'>
            <Text className='reg-orgs__error-text'>队伍列表加载失败：{list.error.message}</Text>
            <Button className='reg-orgs-retry' size='small' onClick={() => search()}>
              重试
            </Button>
          </View>
        ) : null}
        {list.status === 'ready' && shown.length === 0 ? <Text className='reg-orgs__muted reg-orgs-empty'>没有找到队伍</Text> : null}
        <Checkbox.Group
          className='reg-orgs'
          value={value}
          max={MAX_ORGS}
          onLimit={() => Taro.showToast({ title: `最多选择${MAX_ORGS}支队伍`, icon: 'none' })}
          onChange={(ids: string[]) => {
            const added = ids.find((id) => !value.includes(id));
            onChange(ids);
            if (added && known.current[added]) onChosen?.(known.current[added]);
          }}
        >
          {shown.map((o) => (
            <Checkbox key={o._id} value={o._id} className='reg-org-item'>
              <View className='reg-orgs__item'>
                <Text className='reg-orgs__name'>{o.name}</Text>
                <Text className='reg-orgs__meta'>
                  {o.level} · {regionName(o.region)}
                </Text>
              </View>
            </Checkbox>
          ))}
        </Checkbox.Group>
        {list.status === 'ready' && list.data.total > found.length ? (
          <Text className='reg-orgs__muted'>共{list.data.total}支队伍，请输入名称搜索更多</Text>
        ) : null}
      </FormField>
    </View>
  );
}
