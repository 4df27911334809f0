// 生成对接文件 (the team's leader): 自上次对接以来 or a period, one tap, then the xlsx is saved at once and the JSON on
// a tap, with what the files hold per kind as the server counted it. A refusal (本队正在生成另一份…) is shown in Chinese.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import SegTabs from '../../../components/seg-tabs';
import DateRange from '../../../components/date-range';
import { handoffExport } from '../../../services/record';
import { toCloudError } from '../../../services/cloud-error';
import { serverToday } from '../../../services/server-clock';
import { saveFileFromUrl } from '../../../device/file';
import type { HandoffMode, RecordHandoffExportOutput } from '@contract/handoff';
import { HANDOFF_MODE_TABS, countLines, exportInput, fileNames, totalOf, type Range } from '../helpers';

type Props = { orgId: string; orgName: string; onExported: () => void };

export default function ExportCard({ orgId, orgName, onExported }: Props) {
  const today = serverToday();
  const [mode, setMode] = useState<HandoffMode>('sinceLast');
  const [range, setRange] = useState<Range>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<RecordHandoffExportOutput | null>(null);
  // A ref, not the state: a second tap before the page re-rendered must not start a second export.
  const busy = useRef(false);

  const picked = exportInput(orgId, mode, range);
  const save = async (out: RecordHandoffExportOutput, kind: 'xlsx' | 'json') => {
    const names = fileNames(orgName, out.handoffId);
    try {
      const how = await saveFileFromUrl({ fileName: names[kind], url: kind === 'xlsx' ? out.xlsxUrl : out.jsonUrl });
      if (how === 'copied') void Taro.showToast({ title: '已复制数据文件的下载地址', icon: 'none', duration: 2500 });
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '保存失败，请重试', icon: 'none', duration: 2500 });
    }
  };

  const generate = async () => {
    if (busy.current || 'error' in picked) return;
    busy.current = true;
    setRunning(true);
    setError('');
    try {
      const out = await handoffExport(picked);
      setDone(out);
      onExported();
      await save(out, 'xlsx');
    } catch (e) {
      setError(toCloudError(e).message || '生成失败，请重试');
    } finally {
      busy.current = false;
      setRunning(false);
    }
  };

  return (
    <View className='card handoff__card handoff-export'>
      <Text className='handoff__section-title'>生成对接文件</Text>
      <Text className='handoff__muted'>本队及下级队伍新增或变更的志愿者、团体、项目、服务时间、培训、表彰和评价记录</Text>
      <SegTabs name='handoff-mode' tabs={HANDOFF_MODE_TABS} value={mode} onChange={setMode} />
      {mode === 'period' ? (
        <DateRange
          name='handoff'
          from={range.from ?? ''}
          to={range.to ?? ''}
          end={today}
          today={today}
          onChange={(p) => setRange((r) => ({ ...r, ...p }))}
        />
      ) : (
        <Text className='handoff__muted'>从上次对接结束处开始，不会重复或遗漏</Text>
      )}
      {mode === 'period' && 'error' in picked ? <Text className='handoff__error handoff-range-error'>{picked.error}</Text> : null}
      {error ? <Text className='handoff__error handoff-export-error'>{error}</Text> : null}
      <Button
        className='handoff-generate'
        type='primary'
        block
        loading={running}
        disabled={running || 'error' in picked}
        onClick={() => void generate()}
      >
        {running ? '正在生成…' : '生成对接文件'}
      </Button>
      {done ? (
        <View className='handoff__result handoff-result'>
          <Text className='handoff__result-title'>
            {totalOf(done.counts) ? `已生成，共 ${totalOf(done.counts)} 条记录` : '已生成：这段时间没有新增或变更的记录'}
          </Text>
          <View className='handoff__counts'>
            {countLines(done.counts).map((l) => (
              <Text key={l.kind} className={`handoff__count handoff-count-${l.kind}`}>
                {l.label} {l.count} 条
              </Text>
            ))}
          </View>
          <View className='handoff__files'>
            <Text className='handoff__link handoff-save-xlsx' onClick={() => void save(done, 'xlsx')}>
              保存表格（xlsx）
            </Text>
            <Text className='handoff__link handoff-save-json' onClick={() => void save(done, 'json')}>
              保存数据文件（JSON）
            </Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
