// 活动 (tab): the activity square — search by title, filter by region, category and phase, or sort by distance from me;
// 全部 lists what is under way first, then what is open for signup (the server's order), and the header says so.
// Test classes: act-keyword, act-search, act-region-province/-city, act-category, act-near, act-tab-<phase>, act-item,
// act-total, act-loading, act-error, act-empty, act-clear-filters, act-filter-toggle, act-list-more/-end (plus the act-card-*
// of components/activity-card).
import { useCallback, useEffect, useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ActivityCard from '../../components/activity-card';
import ListFooter from '../../components/list-footer';
import { EMPTY_REGION } from '../../components/region-picker';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { listActivities } from '../../services/activity';
import { LOCATION_DENIED_MESSAGE, locate } from '../../device/location';
import { SQUARE_PHASES, phaseOf, phaseTabs, squareOrderNote, type PhaseTab } from '../../utils/activity-format';
import type { GeoPoint } from '@contract/activity';
import SquareFilters, { type SquareQuery } from './components/filters';
import { routes } from '../../routes';
import './index.scss';

const TABS = phaseTabs(SQUARE_PHASES);
const openDetail = (id: string) => Taro.navigateTo({ url: routes.activityDetail(id) });

export default function Activities() {
  const [query, setQuery] = useState<SquareQuery>({ keyword: '', region: EMPTY_REGION, category: '' });
  const [tab, setTab] = useState<PhaseTab>('all');
  const [near, setNear] = useState<GeoPoint | null>(null);
  const [locating, setLocating] = useState(false);

  const fetchPage = useCallback(
    (page: number) =>
      listActivities({
        keyword: query.keyword || undefined,
        regionCode: query.region.city || query.region.province || undefined,
        category: query.category || undefined,
        phase: phaseOf(tab),
        near: near ?? undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [query, tab, near],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (a) => a._id);
  useEffect(reload, [fetchPage, reload]);
  useReachBottom(loadMore);

  const toggleNear = async () => {
    if (locating) return;
    if (near) return setNear(null);
    setLocating(true);
    try {
      setNear(await locate());
    } catch {
      void Taro.showToast({ title: LOCATION_DENIED_MESSAGE, icon: 'none', duration: 2500 });
    } finally {
      setLocating(false);
    }
  };

  const clearFilters = () => {
    setQuery({ keyword: '', region: EMPTY_REGION, category: '' });
    setTab('all');
    setNear(null);
  };

  const orderNote = squareOrderNote(tab, Boolean(near));
  const filtered = Boolean(query.keyword || query.region.province || query.category || tab !== 'all');

  return (
    <View className='app-page acts'>
      <SquareFilters
        query={query}
        onChange={(p) => setQuery((q) => ({ ...q, ...p }))}
        near={locating ? 'locating' : near ? 'on' : 'off'}
        onToggleNear={toggleNear}
      />
      <SegTabs name='act-tab' tabs={TABS} value={tab} onChange={setTab} />

      {list.status === 'ready' && list.items.length > 0 ? (
        <Text className='acts__total act-total'>
          共 {list.total} 个活动{orderNote ? `，${orderNote}` : ''}
        </Text>
      ) : null}
      {list.status === 'loading' ? <StateView kind='loading' className='act-loading' rows={4} /> : null}
      {list.status === 'error' ? <StateView kind='error' className='act-error' message={list.error.message} onRetry={reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='act-empty'
          icon='活'
          title={filtered || near ? '没有找到符合条件的活动' : '暂无活动'}
          description={filtered || near ? '换个关键词、地区或类别试试' : '志愿服务队伍发布活动后会显示在这里'}
          action={filtered || near ? { text: '清除筛选', className: 'act-clear-filters', onClick: clearFilters } : undefined}
        />
      ) : null}
      {list.status === 'ready' ? (
        <View className='acts__list'>
          {list.items.map((a) => (
            <ActivityCard key={a._id} activity={a} className='act-item' onClick={() => openDetail(a._id)} />
          ))}
          <ListFooter name='act-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
