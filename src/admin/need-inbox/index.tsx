// 需求派单 (?tab=): the needs of the teams I lead or administer — 待派单 (open, covered by my teams or those below),
// 待接单 (dispatched to my teams), 处理中 and 已完成, with the to-do counts as badges — and 需求广场: open needs my teams
// may take, filtered by region and category. A leader decides here whether the teams below may take their team's
// open needs from 需求广场, and any manager taps 接收新需求提醒 (task-reminder.tsx) to hear of new needs by WeChat. Every need
// opens the need page, where 派单, 接单 and 关闭 happen.
// Test classes: need-inbox-tab-<toDispatch|toAccept|handling|done|square>(-count), need-inbox-loading, need-inbox-error,
// need-inbox-empty, need-inbox-forbidden, need-square-filters, need-square-region-<province|city|county>,
// need-square-category, need-square-clear-filters, need-self-service, need-self-service-org, need-self-service-switch,
// need-inbox-list-more/-end.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { Switch, Text, View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import OptionPicker from '../../components/option-picker';
import RegionPicker, { EMPTY_REGION, type RegionValue } from '../../components/region-picker';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { hasData, useResource } from '../../hooks/use-resource';
import { needInbox, needSquare, setNeedSelfService } from '../../services/need-admin';
import { managedOrgs } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { NEED_INBOX_BOXES, type NeedInboxBox, type NeedInboxOutput } from '@contract/need';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@contract/enums';
import { COLOR } from '../../styles/colors';
import NeedItem from './need-item';
import TaskReminder from './task-reminder';
import { routes } from '../../routes';
import './index.scss';

type Tab = NeedInboxBox | 'square';
const TAB_TITLE: Record<Tab, string> = { toDispatch: '待派单', toAccept: '待接单', handling: '处理中', done: '已完成', square: '需求广场' };
const EMPTY_TEXT: Record<Tab, [string, string]> = {
  toDispatch: ['暂无待派单需求', '本队及下级队伍辖区内的新需求会出现在这里'],
  toAccept: ['暂无待接单需求', '上级派给本队的需求会出现在这里'],
  handling: ['暂无处理中的需求', '已派单、已接单的需求会出现在这里'],
  done: ['暂无已完成的需求', '已评价和已关闭的需求会出现在这里'],
  square: ['需求广场暂无可接的需求', '上级队伍开放自主接单后，辖区内待响应的需求会出现在这里'],
};
const CATEGORY_OPTIONS = [{ value: '', text: '全部类别' }, ...SERVICE_CATEGORIES.map((c) => ({ value: c, text: c }))];
const isTab = (v: string | undefined): v is Tab => v === 'square' || (NEED_INBOX_BOXES as readonly string[]).includes(v ?? '');

export default function NeedInbox() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(isTab(params.tab) ? params.tab : 'toDispatch');
  const [counts, setCounts] = useState<NeedInboxOutput['counts'] | null>(null);
  const [region, setRegion] = useState<RegionValue>(EMPTY_REGION);
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const regionCode = region.county || region.city || region.province || undefined;

  const fetchPage = useCallback(
    async (page: number) => {
      if (tab === 'square') {
        return needSquare({ page, pageSize: PAGE_SIZE, regionCode, category: category || undefined });
      }
      const res = await needInbox({ box: tab, page, pageSize: PAGE_SIZE });
      setCounts(res.counts);
      return res;
    },
    [tab, regionCode, category],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (n) => n.needId);
  useEffect(() => {
    reload();
  }, [fetchPage, reload]);
  useReachBottom(loadMore);
  // Back from the need page (dispatched, accepted, closed): read the box again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  const forbidden = list.status === 'error' && (list.error.code === 'AUTH.FORBIDDEN' || list.error.code === 'USER.NOT_REGISTERED');
  if (forbidden) {
    return (
      <View className='app-page need-inbox'>
        <StateView
          kind='empty'
          className='need-inbox-forbidden'
          icon='需'
          title='暂无派单权限'
          description='只有队伍负责人和管理员可以处理群众需求'
        />
      </View>
    );
  }

  const [emptyTitle, emptyText] = EMPTY_TEXT[tab];
  const squareFiltered = tab === 'square' && Boolean(regionCode || category);
  const clearFilters = () => {
    setRegion(EMPTY_REGION);
    setCategory('');
  };
  return (
    <View className='app-page need-inbox'>
      <TaskReminder />
      <SegTabs
        name='need-inbox-tab'
        value={tab}
        onChange={setTab}
        tabs={(['toDispatch', 'toAccept', 'handling', 'done', 'square'] as const).map((key) => ({
          key,
          title: TAB_TITLE[key],
          count: key === 'toDispatch' || key === 'toAccept' ? counts?.[key] : undefined,
        }))}
      />
      {tab === 'square' ? (
        <>
          <SelfService />
          <View className='need-inbox__filters need-square-filters'>
            <RegionPicker
              name='need-square-region'
              value={region}
              onChange={setRegion}
              placeholders={['全部省份', '全部城市', '全部区县']}
              clearable
            />
            <OptionPicker
              className='need-square-category'
              title='选择服务类别'
              placeholder='全部类别'
              options={CATEGORY_OPTIONS}
              value={category}
              onChange={(v) => setCategory(v as ServiceCategory | '')}
            />
          </View>
        </>
      ) : null}

      {list.status === 'loading' ? <StateView kind='loading' className='need-inbox-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='need-inbox-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='need-inbox-empty'
          icon='需'
          title={squareFiltered ? '没有符合筛选条件的需求' : emptyTitle}
          description={squareFiltered ? '换个地区或类别试试' : emptyText}
          action={squareFiltered ? { text: '清除筛选', className: 'need-square-clear-filters', onClick: clearFilters } : undefined}
        />
      ) : null}
      {list.status === 'ready' ? (
        <View className='need-inbox__list'>
          {list.items.map((n) => (
            <NeedItem key={n.needId} need={n} onClick={() => void Taro.navigateTo({ url: routes.need(n.needId) })} />
          ))}
          <ListFooter name='need-inbox-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}

/** 允许下级队伍从需求广场接单: one switch per approved team the caller leads (only the leader may change it). */
function SelfService() {
  const { state } = useResource(managedOrgs);
  const [allowed, setAllowed] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState('');
  if (!hasData(state)) return null;
  const led = state.data.items.filter((o) => o.role === 'leader' && o.status === 'approved');
  if (led.length === 0) return null;

  const change = async (orgId: string, allow: boolean) => {
    if (busy) return;
    setBusy(orgId);
    setAllowed((a) => ({ ...a, [orgId]: allow }));
    try {
      await setNeedSelfService({ orgId, allow });
      void Taro.showToast({ title: allow ? '已允许下级队伍接单' : '已关闭下级队伍接单', icon: 'none', duration: 1500 });
    } catch (e) {
      setAllowed((a) => ({ ...a, [orgId]: !allow }));
      void Taro.showToast({ title: toCloudError(e).message || '设置失败，请重试', icon: 'none', duration: 2500 });
    } finally {
      setBusy('');
    }
  };

  return (
    <View className='card need-inbox__self need-self-service'>
      <Text className='need-inbox__self-title'>允许下级队伍从需求广场接单</Text>
      <Text className='need-inbox__self-hint'>开启后，本队辖区内待响应的需求会出现在下级队伍的需求广场，下级队伍可以直接接单。</Text>
      {led.map((o) => (
        <View key={o._id} className='need-inbox__self-row need-self-service-org'>
          <Text className='need-inbox__self-name'>{o.name}</Text>
          <Switch
            className={`need-self-service-switch need-self-service-switch-${o._id}`}
            checked={allowed[o._id] ?? o.needSelfService}
            disabled={busy === o._id}
            color={COLOR.primary}
            onChange={(e) => void change(o._id, Boolean(e.detail.value))}
          />
        </View>
      ))}
    </View>
  );
}
