// 统计报表 of a team (leaders and admins of it and of the teams above): a period (本月/上月/今年/自定义), 含下级队伍,
// the figures of 附件3 with a month-by-month chart, 供需对接's and 培训's figures, the ranking of the teams below (by hours or by
// rating), and the 附件2/附件3 exports
// (xlsx: downloaded on h5, opened with the system viewer on weapp).
// Test classes: stats-title, stats-period-<month|lastMonth|year|custom>, stats-from, stats-to, stats-range-error,
// stats-include, stats-loading, stats-error, stats-empty, stats-figure-<activities|times|volunteers|minutes|members|
// served|key-days|key-groups>, stats-category-row, stats-chart, stats-needs, stats-need-<…> (need-figures), stats-trainings, stats-training-<…>,
// stats-ranking(-item/-error), stats-ranking-sort-<minutes|rating>, stats-as-of, stats-export-members,
// stats-export-activity.
import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Switch, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import DateRange from '../../components/date-range';
import { exportReport, orgStats } from '../../services/report';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { saveFile } from '../../device/file';
import { ACTIVITY_FORM_TITLE, MEMBERS_FORM_TITLE, type ExportKind } from '@contract/report';
import { STATS_PERIODS, reportBars, statsQuery, type PeriodQuery, type Range, type StatsPeriod } from './helpers';
import Figures from './components/figures';
import StatsChart from './components/stats-chart';
import Ranking from './components/ranking';
import AsOf from './components/as-of';
import NeedFigures from './components/need-figures';
import TrainingFigures from './components/training-figures';
import { dateRange } from '@contract/time';
import { serverToday } from '../../services/server-clock';
import { COLOR } from '../../styles/colors';
import './index.scss';

export default function StatsPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  if (!orgId) {
    return (
      <View className='app-page stats'>
        <StateView
          kind='empty'
          className='stats-empty'
          icon='统'
          title='请选择队伍'
          description='请从「我的 → 队伍管理」打开队伍的统计报表'
        />
      </View>
    );
  }
  return <Report orgId={orgId} />;
}

function Report({ orgId }: { orgId: string }) {
  const today = serverToday();
  const [period, setPeriod] = useState<StatsPeriod>('month');
  const [custom, setCustom] = useState<Partial<Range>>({});
  const [withBelow, setWithBelow] = useState(true);
  const [exporting, setExporting] = useState<ExportKind | ''>('');

  const picked = useMemo(() => statsQuery(period, custom), [period, custom]);
  const key = 'error' in picked ? '' : JSON.stringify(picked);
  // One object per query, so that the figures and the ranking reload only when the period really changes.
  const query = useMemo<PeriodQuery | null>(() => (key ? (JSON.parse(key) as PeriodQuery) : null), [key]);

  const { state: stats, reload: load } = useResource(query ? () => orgStats({ orgId, ...query, includeDescendants: withBelow }) : null, [
    orgId,
    query,
    withBelow,
  ]);

  const chart = useMemo(() => (stats.status === 'ready' ? reportBars(stats.data) : { unit: 'month' as const, bars: [] }), [stats]);

  // A ref, not the state: a second tap before the page re-rendered must not start a second export.
  const running = useRef(false);
  const download = async (kind: ExportKind) => {
    if (running.current || !query) return;
    running.current = true;
    setExporting(kind);
    try {
      // Both forms cover what the figures above cover: the same period and the same teams.
      const file = await exportReport({ orgId, kind, ...query, includeDescendants: withBelow });
      await saveFile(file);
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '导出失败，请重试', icon: 'none', duration: 2500 });
    } finally {
      running.current = false;
      setExporting('');
    }
  };

  const ready = stats.status === 'ready' ? stats.data : null;
  // The dates shown are the ones the server counted (it decides what 本月 is).
  const shown: Range | null = ready ? { from: ready.from, to: ready.to } : 'error' in picked || 'period' in picked ? null : picked;
  return (
    <View className='app-page stats'>
      <View className='stats__head'>
        <Text className='stats__title stats-title'>{ready?.orgName ?? '统计报表'}</Text>
        {shown ? <Text className='stats__range'>{dateRange(shown.from, shown.to)}</Text> : null}
      </View>
      <SegTabs name='stats-period' tabs={STATS_PERIODS} value={period} onChange={setPeriod} />
      <View className='stats__filters'>
        {period === 'custom' ? (
          <DateRange
            name='stats'
            from={custom.from ?? ''}
            to={custom.to ?? ''}
            end={today}
            today={today}
            onChange={(p) => setCustom((c) => ({ ...c, ...p }))}
          />
        ) : null}
        <View className='stats__switch'>
          <Text>含下级队伍</Text>
          <Switch
            className='stats-include'
            checked={withBelow}
            color={COLOR.primary}
            onChange={(e) => setWithBelow(Boolean(e.detail.value))}
          />
        </View>
      </View>

      {'error' in picked ? <Text className='stats__range-error stats-range-error'>{picked.error}</Text> : null}
      {query && stats.status === 'loading' ? <StateView kind='loading' className='stats-loading' rows={5} /> : null}
      {query && stats.status === 'error' ? (
        <StateView kind='error' className='stats-error' message={stats.error.message} onRetry={load} />
      ) : null}
      {query && ready ? (
        <View>
          {ready.asOf ? <AsOf iso={ready.asOf} /> : null}
          <Figures stats={ready} />
          <NeedFigures needs={ready.needs} />
          <TrainingFigures stats={ready} />
          <View className='card'>
            <Text className='stats__section-title stats-chart-title'>{chart.unit === 'day' ? '每日趋势' : '月度趋势'}</Text>
            {ready.activities === 0 && ready.minutes === 0 ? (
              <StateView
                kind='empty'
                className='stats-empty'
                icon='统'
                title='本期暂无活动'
                description='换个时间段看看，或发布新的志愿服务活动'
              />
            ) : (
              <StatsChart bars={chart.bars} />
            )}
          </View>
          <Ranking orgId={orgId} query={query} />
        </View>
      ) : null}

      <View className='card stats__exports'>
        <Text className='stats__section-title'>导出报表</Text>
        <Button
          className='stats-export-members'
          block
          fill='outline'
          type='primary'
          loading={exporting === 'members'}
          disabled={Boolean(exporting) || !query}
          onClick={() => download('members')}
        >
          导出附件2（{MEMBERS_FORM_TITLE}）
        </Button>
        <Button
          className='stats__export stats-export-activity'
          block
          fill='outline'
          type='primary'
          loading={exporting === 'activityStats'}
          disabled={Boolean(exporting) || !query}
          onClick={() => download('activityStats')}
        >
          导出附件3（{ACTIVITY_FORM_TITLE}）
        </Button>
        <Text className='stats__note'>
          附件2、附件3 按所选时间段{withBelow ? '、含下级队伍' : ''}统计，与上方数字一致；附件2 为期末的队员名单。
        </Text>
      </View>
    </View>
  );
}
