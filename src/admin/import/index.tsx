// 集体注册: a leader downloads the template, uploads the filled-in file and reads the report row by row.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import StateView from '../../components/state-view';
import { importTemplate, importVolunteers } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import type { OrgImportVolunteersOutput } from '@contract/org';
import { pickXlsx, saveFile } from '../../device/file';
import './index.scss';

type Upload =
  | { status: 'idle' }
  | { status: 'importing'; name: string }
  | { status: 'error'; message: string }
  | { status: 'done'; name: string; report: OrgImportVolunteersOutput };

export default function Import() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const [downloading, setDownloading] = useState(false);
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });

  if (!orgId) {
    return (
      <View className='app-page import'>
        <StateView kind='empty' className='import-no-org' icon='队' title='未指定队伍' description='请从“我的”中的队伍管理进入集体注册' />
      </View>
    );
  }

  const download = async () => {
    if (downloading) return;
    setDownloading(true);
    try {
      await saveFile(await importTemplate(orgId));
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '下载失败', icon: 'none', duration: 2000 });
    } finally {
      setDownloading(false);
    }
  };

  const choose = async () => {
    if (upload.status === 'importing') return;
    let name = '';
    try {
      const file = await pickXlsx();
      if (!file) return;
      name = file.name;
      setUpload({ status: 'importing', name });
      const report = await importVolunteers({ orgId, file: file.base64 });
      setUpload({ status: 'done', name, report });
    } catch (e) {
      const err = toCloudError(e);
      setUpload({
        status: 'error',
        message: err.code === 'IMPORT.BAD_FILE' ? `${err.message}（请使用下载的模板填写后上传）` : err.message,
      });
    }
  };

  const importing = upload.status === 'importing';
  return (
    <View className='app-page import'>
      <View className='card import__steps'>
        <Text className='import__title'>集体注册志愿者</Text>
        <Text className='import__text'>1. 下载模板，按表头填写队员信息（每行一人）。</Text>
        <Text className='import__text'>
          2. 上传填好的 .xlsx 文件：已注册的志愿者直接加入本队，其他人会收到邀请，首次打开小程序验证手机号即可激活。
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
      {upload.status === 'done' ? <Report name={upload.name} report={upload.report} /> : null}
    </View>
  );
}

function Report({ name, report }: { name: string; report: OrgImportVolunteersOutput }) {
  const failed = report.rows.filter((r) => !r.ok);
  return (
    <View className='card import-report'>
      <Text className='import__title'>导入结果 · {name}</Text>
      <View className='import__counts'>
        <Text className='import__count import-created'>新建邀请 {report.created} 人</Text>
        <Text className='import__count import-invited'>已注册加入 {report.invited} 人</Text>
        <Text className='import__count import-failed'>失败 {failed.length} 行</Text>
      </View>
      {failed.length === 0 ? <Text className='import__muted import-all-ok'>全部导入成功</Text> : null}
      {failed.map((r) => (
        <View key={r.row} className='import__row import-failed-row'>
          <Text className='import__row-no'>第 {r.row} 行</Text>
          <Text className='import__row-name'>{r.name || '（未填姓名）'}</Text>
          <Text className='import__row-message'>{r.message || r.code || '导入失败'}</Text>
        </View>
      ))}
    </View>
  );
}
