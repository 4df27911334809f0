// 我的时长: total and per-day service time, filtered by period (本月/近三个月/今年/全部 or a range) and team; each day
// shows its audit trail and correction request, and offers 申请更正; days of cancelled activities say they count for nothing.
// Test classes: ck-hours-period (tabs ck-hours-period-<all|month|quarter|year|custom>), ck-hours-from, ck-hours-to,
// ck-hours-org, ck-hours-total, ck-hours-count, ck-hours-cancelled-note, ck-hours-day (ck-hours-day-date/-title/-times/
// -minutes/-status/-cancelled),
// ck-hours-correction(-status/-reason), ck-hours-correct, ck-hours-loading, ck-hours-error, ck-hours-empty,
// ck-hours-range-error, ck-hours-unregistered (not registered: 去注册, ck-hours-go-register); the popup's ck-correct-* classes (components/correction-popup); scans kept offline (待上传 and
// results that need attention) in ck-hours-offline* (components/offline-section). An upload the server answered
// (a tap on 立即上传 or an automatic one) reads the hours again.
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import OptionPicker from '../../components/option-picker';
import DateRange from '../../components/date-range';
import { myHours } from '../../services/checkin';
import { me } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import type { MyHoursDay } from '@contract/checkin';
import { PERIODS, cancelledDays, hoursQuery, knownTitle, rememberTitles, type Filters, type Period } from './helpers';
import DayCard from './components/day-card';
import CorrectionPopup from './components/correction-popup';
import OfflineSection from './components/offline-section';
import { myOfflineScans } from '../../services/checkin-offline';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { formatDuration } from '@contract/format';
import { serverToday } from '../../services/server-clock';
import { routes } from '../../routes';
import './index.scss';

export default function MyHours() {
  const [filters, setFilters] = useState<Filters>({ period: 'all', from: '', to: '', orgId: '' });
  const [correcting, setCorrecting] = useState<MyHoursDay | null>(null);
  const today = serverToday();
  const query = useMemo(() => hoursQuery(filters), [filters]);

  const { state: hours, reload: load } = useResource('error' in query ? null : () => myHours(query.input), [query], {
    onData: rememberTitles,
  });

  // Scans kept offline: listed until uploaded; each upload the server answers may have changed the days.
  const queue = useOfflineQueue(myOfflineScans());
  const syncedAt = queue.state.lastSyncAt;
  const shownSync = useRef(syncedAt);
  useEffect(() => {
    if (syncedAt === shownSync.current) return;
    shownSync.current = syncedAt;
    load({ quiet: true });
  }, [syncedAt, load]);

  // The team filter lists my teams; without them (not registered, or me failed) it offers 全部队伍 only.
  const mine = useResource(me);
  const orgs =
    mine.state.status === 'ready'
      ? mine.state.data.memberships
          .filter((m) => m.status !== 'pending' && m.status !== 'rejected')
          .map((m) => ({ value: m.orgId, text: m.orgName }))
      : [];

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  // Someone not registered has no service time: they are told to register first, not shown an empty record.
  if (mine.state.status === 'error' && mine.state.error.code === 'USER.NOT_REGISTERED') {
    return (
      <View className='app-page my-hours'>
        <StateView
          kind='empty'
          className='ck-hours-unregistered'
          icon='志'
          title='请先注册成为志愿者'
          description='注册并参加活动、扫码签到签退后，服务时长会记录在这里'
          action={{ text: '去注册', className: 'ck-hours-go-register', onClick: () => Taro.navigateTo({ url: routes.register() }) }}
        />
      </View>
    );
  }

  return (
    <View className='app-page my-hours'>
      <SegTabs name='ck-hours-period' tabs={PERIODS} value={filters.period} onChange={(period: Period) => set({ period })} />
      <View className='my-hours__filters'>
        {filters.period === 'custom' ? (
          <View className='my-hours__range'>
            <DateRange name='ck-hours' from={filters.from} to={filters.to} end={today} today={today} onChange={set} />
          </View>
        ) : null}
        <View className='my-hours__org'>
          <OptionPicker
            className='ck-hours-org'
            title='选择队伍'
            placeholder='全部队伍'
            options={[{ value: '', text: '全部队伍' }, ...orgs]}
            value={filters.orgId}
            onChange={(orgId) => set({ orgId })}
          />
        </View>
      </View>

      <OfflineSection queue={queue} titleOf={knownTitle} />

      {'error' in query ? <Text className='my-hours__range-error ck-hours-range-error'>{query.error}</Text> : null}
      {!('error' in query) && hours.status === 'loading' ? <StateView kind='loading' className='ck-hours-loading' rows={4} /> : null}
      {!('error' in query) && hours.status === 'error' ? (
        <StateView kind='error' className='ck-hours-error' message={hours.error.message} onRetry={load} />
      ) : null}
      {!('error' in query) && hours.status === 'ready' ? (
        <View>
          <View className='card my-hours__summary'>
            <Text className='my-hours__total ck-hours-total'>{formatDuration(hours.data.totalMinutes)}</Text>
            <Text className='my-hours__total-label'>
              累计服务时长 · <Text className='ck-hours-count'>{hours.data.serviceDays}</Text> 个服务日
            </Text>
            {cancelledDays(hours.data) > 0 ? (
              <Text className='my-hours__cancelled-note ck-hours-cancelled-note'>
                其中 {cancelledDays(hours.data)} 个服务日的活动已取消，不计入时长
              </Text>
            ) : null}
          </View>
          {hours.data.days.length === 0 ? (
            <StateView
              kind='empty'
              className='ck-hours-empty'
              icon='时'
              title='暂无服务记录'
              description='参加活动并扫码签到、签退后，服务时长会显示在这里'
              action={{ text: '去扫码签到', className: 'ck-hours-go-scan', onClick: () => Taro.navigateTo({ url: routes.scan() }) }}
            />
          ) : (
            hours.data.days.map((d) => <DayCard key={d.recordId} day={d} onCorrect={() => setCorrecting(d)} />)
          )}
        </View>
      ) : null}

      <CorrectionPopup
        day={correcting}
        onClose={() => setCorrecting(null)}
        onDone={() => {
          setCorrecting(null);
          void Taro.showToast({ title: '已提交，等待管理员审核', icon: 'none', duration: 2000 });
          load();
        }}
      />
    </View>
  );
}
