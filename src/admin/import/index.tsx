// 集体注册: a leader picks the team to import into (when they lead or administer several), downloads its template,
// uploads the filled-in file and reads the report: who was created, who was invited, which rows failed and why.
// Test classes: import-loading-teams, import-teams-error, import-no-org, import-org (the target team), import-org-picker
// (several teams), import-org-option (the choice when none is given), import-download, import-upload, import-loading,
// import-error, import-report and the report's own (components/report.tsx).
import { useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import OptionPicker from '../../components/option-picker';
import { useResource } from '../../hooks/use-resource';
import { importTemplate, importVolunteers, managedOrgs } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import type { OrgImportVolunteersOutput } from '@contract/org';
import { pickXlsx, saveFile } from '../../device/file';
import Report from './components/report';
import './index.scss';

type Team = { _id: string; name: string };
type Upload =
  | { status: 'idle' }
  | { status: 'importing'; name: string }
  | { status: 'error'; message: string }
  | { status: 'done'; name: string; report: OrgImportVolunteersOutput };

export default function Import() {
  const routed = decodeURIComponent(useRouter().params.orgId ?? '');
  const managed = useResource(managedOrgs);
  const [picked, setPicked] = useState('');

  if (managed.state.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='import-loading-teams' />
      </Shell>
    );
  if (managed.state.status === 'error')
    return (
      <Shell>
        <StateView kind='error' className='import-teams-error' message={managed.state.error.message} onRetry={managed.reload} />
      </Shell>
    );
  // Only an approved team's own leader or admin may import into it (org.importVolunteers checks it again).
  const teams: Team[] = managed.state.data.items.filter((o) => o.status === 'approved');
  if (teams.length === 0)
    return (
      <Shell>
        <StateView
          kind='empty'
          className='import-no-org'
          icon='队'
          title='暂无可集体注册的队伍'
          description='通过审核的队伍的负责人或管理员可以集体注册志愿者'
        />
      </Shell>
    );
  const known = (id: string) => teams.some((o) => o._id === id);
  const orgId = known(picked) ? picked : known(routed) ? routed : teams.length === 1 ? teams[0]._id : '';
  const team = teams.find((o) => o._id === orgId);
  if (!team)
    return (
      <Shell>
        <View className='card'>
          <Text className='import__title'>选择导入的队伍</Text>
          {teams.map((o) => (
            <View key={o._id} className='import__pick import-org-option' onClick={() => setPicked(o._id)}>
              <Text>{o.name}</Text>
              <Text className='import__arrow'>›</Text>
            </View>
          ))}
        </View>
      </Shell>
    );
  // A new team starts with no report: a report always names the team its rows went into.
  return <Importer key={team._id} team={team} teams={teams} onPick={setPicked} />;
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page import'>{children}</View>;
}

function Importer({ team, teams, onPick }: { team: Team; teams: Team[]; onPick: (orgId: string) => void }) {
  const [downloading, setDownloading] = useState(false);
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });
  const importing = upload.status === 'importing';

  const download = async () => {
    if (downloading) return;
    setDownloading(true);
    try {
      await saveFile(await importTemplate(team._id));
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '下载失败', icon: 'none', duration: 2000 });
    } finally {
      setDownloading(false);
    }
  };

  const choose = async () => {
    if (importing) return;
    let name = '';
    try {
      const file = await pickXlsx();
      if (!file) return;
      name = file.name;
      setUpload({ status: 'importing', name });
      const report = await importVolunteers({ orgId: team._id, file: file.base64 });
      setUpload({ status: 'done', name, report });
    } catch (e) {
      const err = toCloudError(e);
      setUpload({
        status: 'error',
        message: err.code === 'IMPORT.BAD_FILE' ? `${err.message}（请使用下载的模板填写后上传）` : err.message,
      });
    }
  };

  return (
    <Shell>
      <View className='card import__steps'>
        <Text className='import__title'>集体注册志愿者</Text>
        <View className='import__team import-org'>
          <Text className='import__team-label'>导入队伍</Text>
          {teams.length > 1 ? (
            <View className='import__team-picker'>
              <OptionPicker
                className='import-org-picker'
                title='选择导入的队伍'
                placeholder='请选择队伍'
                options={teams.map((o) => ({ value: o._id, text: o.name }))}
                value={team._id}
                disabled={importing}
                onChange={onPick}
              />
            </View>
          ) : (
            <Text className='import__team-name'>{team.name}</Text>
          )}
        </View>
        <Text className='import__text'>1. 下载模板，按表头填写队员信息（每行一人）。</Text>
        <Text className='import__text'>
          2. 上传填好的 .xlsx 文件：未注册的人首次打开小程序验证手机号后即加入本队；已注册的志愿者会收到入队邀请，本人确认后加入。
        </Text>
        <View className='import__actions'>
          <Button className='import-download' fill='outline' type='primary' loading={downloading} disabled={downloading} onClick={download}>
            下载模板
          </Button>
          <Button className='import-upload' type='primary' loading={importing} disabled={importing} onClick={choose}>
            {importing ? '正在导入…' : '上传文件'}
          </Button>
        </View>
      </View>
      {upload.status === 'importing' ? <StateView kind='loading' className='import-loading' rows={3} /> : null}
      {upload.status === 'error' ? <StateView kind='error' className='import-error' title='导入失败' message={upload.message} /> : null}
      {upload.status === 'done' ? <Report fileName={upload.name} report={upload.report} /> : null}
    </Shell>
  );
}
