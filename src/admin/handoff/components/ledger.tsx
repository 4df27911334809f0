// 对接记录: the team's finished hand-offs, latest first — when, who, the window it covered, what it held — each with its
// two files to save again while their addresses last.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/state-view';
import type { Resource } from '../../../hooks/use-resource';
import { saveFileFromUrl } from '../../../device/file';
import { toCloudError } from '../../../services/cloud-error';
import type { RecordHandoffsOutput } from '@contract/handoff';
import { dateTimeOf } from '@contract/time';
import { countsSummary, fileNames, windowText } from '../helpers';

type Props = { state: Resource<RecordHandoffsOutput>; orgName: string; onRetry: () => void };

export default function Ledger({ state, orgName, onRetry }: Props) {
  const save = (fileName: string, url: string) =>
    saveFileFromUrl({ fileName, url }).then(
      (how) => how === 'copied' && void Taro.showToast({ title: '已复制数据文件的下载地址', icon: 'none', duration: 2500 }),
      (e: unknown) => void Taro.showToast({ title: toCloudError(e).message || '保存失败，请重试', icon: 'none', duration: 2500 }),
    );
  return (
    <View className='handoff__ledger'>
      <Text className='handoff__section-title handoff__outside-title'>对接记录</Text>
      {state.status === 'loading' ? <StateView kind='loading' className='handoff-ledger-loading' rows={3} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='handoff-ledger-error' message={state.error.message} onRetry={onRetry} />
      ) : null}
      {state.status === 'empty' ? (
        <StateView
          kind='empty'
          className='handoff-ledger-empty'
          icon='交'
          title='还没有对接记录'
          description='生成第一份对接文件后，这里会记下每一次对接'
        />
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((h) => {
            const names = fileNames(orgName, h.handoffId);
            return (
              <View key={h.handoffId} className='card handoff__row handoff-ledger-item'>
                <View className='handoff__row-head'>
                  <Text className='handoff__row-title'>{dateTimeOf(h.at)}</Text>
                  <Text className='handoff__muted'>{h.byName}</Text>
                </View>
                <Text className='handoff__muted handoff-ledger-window'>
                  {h.mode === 'period' ? '指定期间：' : ''}
                  {windowText(h)}
                </Text>
                <Text className='handoff-ledger-counts'>{countsSummary(h.counts)}</Text>
                {h.xlsxUrl || h.jsonUrl ? (
                  <View className='handoff__files'>
                    {h.xlsxUrl ? (
                      <Text className='handoff__link handoff-ledger-xlsx' onClick={() => void save(names.xlsx, h.xlsxUrl!)}>
                        表格
                      </Text>
                    ) : null}
                    {h.jsonUrl ? (
                      <Text className='handoff__link handoff-ledger-json' onClick={() => void save(names.json, h.jsonUrl!)}>
                        数据文件
                      </Text>
                    ) : null}
                  </View>
                ) : null}
              </View>
            );
          })
        : null}
    </View>
  );
}
