// 队伍: search approved teams by name and region, page by page as the list scrolls; each opens its detail.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import RegionPicker, { EMPTY_REGION, type RegionValue } from '../../components/region-picker';
import SearchBar from '../../components/search-bar';
import StateView from '../../components/state-view';
import OrgCard from '../../components/org-card';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { searchOrgs } from '../../services/org';
import type { Org } from '@contract/org';
import { routes } from '../../routes';
import './index.scss';

type Query = { keyword: string; region: RegionValue };

const openDetail = (org: Org) => Taro.navigateTo({ url: routes.orgDetail(org._id) });

export default function Orgs() {
  const { params } = useRouter();
  const initialKeyword = decodeURIComponent(params.keyword ?? '');
  const [query, setQuery] = useState<Query>({ keyword: initialKeyword, region: EMPTY_REGION });

  const fetchPage = useCallback(
    (page: number) =>
      searchOrgs({
        keyword: query.keyword.trim() || undefined,
        regionCode: query.region.city || query.region.province || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [query],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (o) => o._id);

  useEffect(reload, [query, reload]);
  useReachBottom(loadMore);

  const search = (keyword: string) => setQuery((q) => ({ ...q, keyword }));
  const filtered = Boolean(query.keyword || query.region.province);

  return (
    <View className='app-page orgs'>
      <View className='orgs__filters'>
        <SearchBar name='orgs' placeholder='输入队伍名称，如：兰州市' initial={initialKeyword} onSearch={search} />
        <RegionPicker
          name='orgs-region'
          depth={2}
          clearable
          placeholders={['全部省份', '全部城市']}
          value={query.region}
          onChange={(region) => setQuery((q) => ({ ...q, region }))}
        />
      </View>

      {list.status === 'ready' && list.items.length > 0 ? <Text className='orgs__total orgs-total'>共 {list.total} 支队伍</Text> : null}

      {list.status === 'loading' ? <StateView kind='loading' className='orgs-loading' rows={4} /> : null}
      {list.status === 'error' ? <StateView kind='error' className='orgs-error' message={list.error.message} onRetry={reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='orgs-empty'
          title={filtered ? '没有找到符合条件的队伍' : '暂无队伍'}
          description={filtered ? '换个关键词或地区试试，也可以注册一支新队伍' : '还没有通过审核的志愿服务队伍'}
          icon='队'
          action={{ text: '注册队伍', className: 'orgs-register', onClick: () => Taro.navigateTo({ url: routes.orgRegister() }) }}
        />
      ) : null}

      {list.status === 'ready' ? (
        <View className='orgs__list'>
          {list.items.map((o) => (
            <OrgCard key={o._id} org={o} className='org-item' onClick={() => openDetail(o)} />
          ))}
          {list.items.length > 0 ? (
            <View className='orgs__footer'>
              {list.loadingMore ? <Text className='orgs-loading-more'>正在加载…</Text> : null}
              {!list.loadingMore && list.moreError ? (
                <Text className='orgs__more-error orgs-more-error' onClick={loadMore}>
                  {list.moreError}，点击重试
                </Text>
              ) : null}
              {!list.loadingMore && !list.moreError && hasMore ? (
                <Text className='orgs__more orgs-more' onClick={loadMore}>
                  加载更多
                </Text>
              ) : null}
              {!hasMore ? <Text className='orgs-end'>没有更多了</Text> : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
