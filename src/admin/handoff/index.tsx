// 对接全国系统 (移交全国志愿服务信息系统) for a team's leaders and admins: the team (any approved team the caller leads or
// administers), 生成对接文件 with what it held and 对接记录 for the leader (the files carry every member's personal data
// of the whole subtree, so the server gives them to the leader only), and the members still without a
// 全国志愿者统一编号, whose number a leader or admin may enter.
// Test classes: handoff-team (chips handoff-team-<orgId>), handoff-title, handoff-not-leader, handoff-export,
// handoff-mode-<sinceLast|period>, handoff-from, handoff-to, handoff-range-error, handoff-generate, handoff-export-error,
// handoff-result, handoff-count-<kind>, handoff-save-xlsx, handoff-save-json, handoff-ledger-item (-window, -counts,
// -xlsx, -json), handoff-ledger-empty/-loading/-error, handoff-missing-item (-name, -no, -input, -save, -saved,
// -row-error), handoff-missing-total, handoff-missing-empty/-loading/-error, handoff-loading, handoff-error, handoff-empty.
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { managedOrgs } from '../../services/org';
import { handoffLedger } from '../../services/record';
import { ROLE_LABEL } from '@contract/enums';
import ExportCard from './components/export-card';
import Ledger from './components/ledger';
import MissingIds from './components/missing-ids';
import './index.scss';

export default function HandoffPage() {
  const routeOrgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const [chosen, setChosen] = useState(routeOrgId);
  const { state: teams, reload } = useResource(() => managedOrgs().then((r) => r.items.filter((o) => o.status === 'approved')), [], {
    isEmpty: (items) => items.length === 0,
  });

  if (teams.status === 'loading')
    return (
      <View className='app-page handoff'>
        <StateView kind='loading' className='handoff-loading' rows={4} />
      </View>
    );
  if (teams.status === 'error')
    return (
      <View className='app-page handoff'>
        <StateView kind='error' className='handoff-error' message={teams.error.message} onRetry={reload} />
      </View>
    );
  const items = teams.data;
  const team = items.find((o) => o._id === chosen) ?? items[0];
  if (!team)
    return (
      <View className='app-page handoff'>
        <StateView
          kind='empty'
          className='handoff-empty'
          icon='交'
          title='暂无可对接的队伍'
          description='只有队伍的负责人和管理员可以对接全国志愿服务信息系统'
        />
      </View>
    );
  const leader = team.role === 'leader';

  return (
    <View className='app-page handoff'>
      <View className='handoff__head'>
        <Text className='handoff__title handoff-title'>{team.name}</Text>
        <Text className='handoff__muted'>{ROLE_LABEL[team.role]} · 本队及下级队伍的记录移交全国志愿服务信息系统</Text>
      </View>
      {items.length > 1 ? (
        <View className='handoff__teams handoff-team'>
          {items.map((o) => (
            <Text
              key={o._id}
              className={`handoff__team handoff-team-${o._id}${o._id === team._id ? ' is-active' : ''}`}
              onClick={() => setChosen(o._id)}
            >
              {o.name}
            </Text>
          ))}
        </View>
      ) : null}
      {leader ? (
        <LeaderPart orgId={team._id} orgName={team.name} />
      ) : (
        <View className='card handoff__card handoff-not-leader'>
          <Text className='handoff__section-title'>生成对接文件</Text>
          <Text className='handoff__muted'>
            对接文件含本队及下级队伍全部志愿者的个人信息，只有本队负责人可以生成和查看对接记录。您可以先为志愿者填写全国统一编号。
          </Text>
        </View>
      )}
      <MissingIds orgId={team._id} />
    </View>
  );
}

/** 生成对接文件 and 对接记录: the ledger reloads after each export. */
function LeaderPart({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { state, reload } = useResource(() => handoffLedger(orgId), [orgId], { isEmpty: (d) => d.items.length === 0 });
  return (
    <View>
      <ExportCard key={orgId} orgId={orgId} orgName={orgName} onExported={() => reload({ quiet: true })} />
      <Ledger state={state} orgName={orgName} onRetry={reload} />
    </View>
  );
}
