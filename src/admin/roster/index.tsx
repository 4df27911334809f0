// 签到名单, the 现场签到 console: an activity's volunteers day by day — who is in, out or absent, with credited minutes;
// on top the day's line (已签到 x/y · 已签退 z, read again every 20 s on the day), 现场报名 for those who turn up unannounced, and 未到 with a call
// button each; managers sign in a volunteer by scanning their personal code, close the day for those who forgot
// (批量签退) and 补录/调整 a row with a reason (the change and its trail show under the row). 离线准备 keeps the
// volunteers on the phone: without a network personal codes and 批量签退 are queued and the 离线名单 shows who is in.
// Test classes: ck-console-counts, ck-console-walkin (现场报名; popup ck-walkin-*), ck-absent-* (未到),
// ck-roster-day (one per activity day, is-active), ck-roster-summary, ck-roster-scan, ck-roster-batch,
// ck-roster-code-in, ck-roster-code-out, ck-roster-evaluate (评价, once the activity has ended), ck-roster-row (is-<status>; ck-roster-name/-status/-times/-minutes/-adjust,
// ck-roster-flags/-flag for scans to look at),
// ck-roster-export (导出签到记录, xlsx of every day), ck-roster-loading, ck-roster-error, ck-roster-empty, ck-roster-readonly; popups: ck-adjust-*, ck-batch-*, ck-vscan-*.
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { roster } from '../../services/checkin';
import { getActivity } from '../../services/activity';
import { useResource } from '../../hooks/use-resource';
import { useEvery } from '../../hooks/use-every';
import type { Adjustment, RosterEntry } from '@contract/checkin';
import { consoleLine, dayCounts, defaultDay } from './helpers';
import RosterRow from './components/roster-row';
import AdjustPopup from './components/adjust-popup';
import BatchPopup from './components/batch-popup';
import VolunteerScanPopup from './components/volunteer-scan-popup';
import ExportAttendance from './components/export-attendance';
import AbsentList from './components/absent-list';
import WalkInPopup from './components/walk-in-popup';
import OfflinePending from './components/offline-pending';
import OfflineKit from './components/offline-kit';
import OfflineList from './components/offline-list';
import { useOfflineRoster } from './use-offline-roster';
import { daysBetween, monthDay } from '@contract/time';
import { serverToday } from '../../services/server-clock';
import { routes } from '../../routes';
import './index.scss';

const LIVE_REFRESH_MS = 20_000;

export default function Roster() {
  const activityId = decodeURIComponent(useRouter().params.activityId ?? '');
  const [date, setDate] = useState('');
  const { state: activity, reload: loadActivity } = useResource(activityId ? () => getActivity(activityId) : null, [activityId], {
    onData: ({ activity: a }) => setDate((d) => d || defaultDay(daysBetween(a.startDate, a.endDate), serverToday())),
  });
  const { state: rows, reload: loadRows } = useResource(date ? () => roster(activityId, date) : null, [activityId, date]);
  const off = useOfflineRoster(activityId, date, rows, () => loadRows({ quiet: true }));
  const [adjusting, setAdjusting] = useState<RosterEntry | null>(null);
  const [batching, setBatching] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [walkingIn, setWalkingIn] = useState(false);
  /** Trails of the rows adjusted on this screen (the roster itself does not carry them). */
  const [trails, setTrails] = useState<Record<string, Adjustment[]>>({});

  useEffect(() => setTrails({}), [date]);
  // On the day the line and 未到 stay current by themselves: read again every 20 s while the page is shown.
  useEvery(LIVE_REFRESH_MS, () => loadRows({ quiet: true }), !!date && date === serverToday());

  if (!activityId)
    return (
      <Shell>
        <StateView kind='empty' className='ck-roster-error' icon='名' title='未指定活动' description='请从活动详情进入签到名单' />
      </Shell>
    );
  if (activity.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='ck-roster-loading' rows={5} />
      </Shell>
    );
  if (activity.status === 'error') {
    return (
      <Shell>
        {activity.error.code === 'ACTIVITY.NOT_FOUND' ? (
          <StateView kind='empty' className='ck-roster-error' icon='名' title='活动不存在' description={activity.error.message} />
        ) : (
          <StateView kind='error' className='ck-roster-error' message={activity.error.message} onRetry={loadActivity} />
        )}
      </Shell>
    );
  }

  const a = activity.data.activity;
  const canManage = activity.data.canManage;
  const days = daysBetween(a.startDate, a.endDate);
  const counts = rows.status === 'ready' ? dayCounts(rows.data) : null;
  // Someone turning up is added while the activity can still be attended: not once it has ended or was cancelled.
  const walkInOpen = canManage && activity.data.phase !== 'ended' && activity.data.phase !== 'cancelled';

  return (
    <Shell>
      <View className='roster__head'>
        <Text className='roster__title'>{a.title}</Text>
        <Text className='roster__meta'>
          每天 {a.dailyStart}-{a.dailyEnd} · {a.orgName}
        </Text>
      </View>
      <ScrollView scrollX className='roster__days'>
        {days.map((d) => (
          <View key={d} className={`roster__day ck-roster-day${d === date ? ' is-active' : ''}`} onClick={() => setDate(d)}>
            <Text className='roster__day-date'>{monthDay(d)}</Text>
            <Text className='roster__day-week'>{d === serverToday() ? '今天' : WEEK[new Date(`${d}T00:00:00Z`).getUTCDay()]}</Text>
          </View>
        ))}
      </ScrollView>

      <View className='roster__console'>
        <Text className='roster__console-counts ck-console-counts'>{counts ? consoleLine(counts) : '正在统计…'}</Text>
        {walkInOpen ? (
          <Button className='ck-console-walkin' type='primary' size='small' onClick={() => setWalkingIn(true)}>
            现场报名
          </Button>
        ) : null}
      </View>

      {canManage ? (
        <View className='roster__actions'>
          <Button className='ck-roster-scan' size='small' type='primary' onClick={() => setScanning(true)}>
            扫志愿者签到码
          </Button>
          <Button
            className='ck-roster-code-auto'
            size='small'
            fill='outline'
            type='primary'
            onClick={() => Taro.navigateTo({ url: routes.checkinCode(activityId) })}
          >
            现场码
          </Button>
          <Button
            className='ck-roster-code-in'
            size='small'
            fill='outline'
            type='primary'
            onClick={() => Taro.navigateTo({ url: routes.checkinCode(activityId, 'in') })}
          >
            签到码
          </Button>
          <Button
            className='ck-roster-code-out'
            size='small'
            fill='outline'
            type='primary'
            onClick={() => Taro.navigateTo({ url: routes.checkinCode(activityId, 'out') })}
          >
            签退码
          </Button>
          {activity.data.phase === 'ended' ? (
            <Button
              className='ck-roster-evaluate'
              size='small'
              fill='outline'
              type='primary'
              onClick={() => Taro.navigateTo({ url: routes.evaluate(activityId) })}
            >
              评价
            </Button>
          ) : null}
        </View>
      ) : (
        <Text className='roster__readonly ck-roster-readonly'>您是上级队伍的管理者，只能查看名单</Text>
      )}
      {canManage ? <OfflineKit stored={off.stored} preparing={off.preparing} onPrepare={off.prepare} /> : null}
      {canManage && off.showList ? (
        <OfflineList rows={off.list} queue={off.queueState} onUpload={off.flush} onBatch={() => setBatching(true)} />
      ) : null}

      {counts ? (
        <View className='card roster__summary ck-roster-summary'>
          <Count label='报名' value={counts.enrolled} />
          <Count label='已签到' value={counts.signedIn} />
          <Count label='未签退' value={counts.open} />
          <Count label='未到' value={counts.absent} />
        </View>
      ) : null}
      {rows.status === 'ready' && rows.data.length > 0 ? <AbsentList activityId={activityId} rows={rows.data} canCall={canManage} /> : null}
      <View className='roster__export-row'>
        <ExportAttendance orgId={a.orgId} activityId={activityId} />
      </View>
      {canManage && counts && counts.open > 0 ? (
        <View className='roster__batch'>
          <Button className='ck-roster-batch' block fill='outline' type='primary' onClick={() => setBatching(true)}>
            批量签退（{counts.open}人未签退）
          </Button>
        </View>
      ) : null}

      <OfflinePending
        activityId={activityId}
        date={date}
        rows={rows.status === 'ready' ? rows.data : undefined}
        canManage={canManage}
        onDecided={() => loadRows({ quiet: true })}
      />
      {rows.status === 'loading' ? <StateView kind='loading' className='ck-roster-loading' rows={4} /> : null}
      {rows.status === 'error' ? (
        <StateView kind='error' className='ck-roster-error' message={rows.error.message} onRetry={loadRows} />
      ) : null}
      {rows.status === 'ready' && rows.data.length === 0 ? (
        <StateView
          kind='empty'
          className='ck-roster-empty'
          icon='名'
          title='暂无报名的志愿者'
          description='志愿者报名成功后会出现在名单中'
        />
      ) : null}
      {rows.status === 'ready'
        ? rows.data.map((r) => (
            <RosterRow key={r.openid} row={r} canManage={canManage} trail={trails[r.openid]} onAdjust={() => setAdjusting(r)} />
          ))
        : null}

      <AdjustPopup
        activityId={activityId}
        date={date}
        daily={{ start: a.dailyStart, end: a.dailyEnd }}
        row={adjusting}
        onClose={() => setAdjusting(null)}
        onDone={(record) => {
          setAdjusting(null);
          setTrails((t) => ({ ...t, [record.openid]: record.adjustments }));
          void Taro.showToast({ title: '已保存', icon: 'none' });
          loadRows();
        }}
      />
      <BatchPopup
        activityId={activityId}
        date={date}
        dailyEnd={a.dailyEnd}
        open={off.offline ? off.list.filter((r) => r.state === 'in').length : (counts?.open ?? 0)}
        offline={off.offline}
        onOffline={off.queueBatch}
        visible={batching}
        onClose={() => setBatching(false)}
        onDone={() => {
          setBatching(false); // the popup says whom it signed out and whom it left alone
          loadRows();
        }}
      />
      <WalkInPopup
        activityId={activityId}
        visible={walkingIn}
        onClose={() => setWalkingIn(false)}
        onEnrolled={() => loadRows({ quiet: true })}
      />
      <VolunteerScanPopup
        visible={scanning}
        onClose={() => setScanning(false)}
        onScanned={loadRows}
        offline={off.offline}
        onOffline={off.queueScan}
      />
    </Shell>
  );
}

const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function Count({ label, value }: { label: string; value: number }) {
  return (
    <View className='roster__count'>
      <Text className='roster__count-value'>{value}</Text>
      <Text className='roster__count-label'>{label}</Text>
    </View>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page roster'>{children}</View>;
}
