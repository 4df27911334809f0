// 导出名单: the members the page's filters select, all of them, as xlsx (org.exportMembers), downloaded on h5 and
// opened with the system viewer on weapp. Test class: members-export.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui/button';
import { exportMembers } from '../../../services/org';
import { toCloudError } from '../../../services/cloud-error';
import { saveFile } from '../../../device/file';
import type { OrgExportMembersInput } from '@contract/org';

export default function ExportMembers({ input }: { input: OrgExportMembersInput }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await saveFile(await exportMembers(input));
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '导出失败，请重试', icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className='members-export' size='small' fill='outline' type='primary' loading={busy} disabled={busy} onClick={run}>
      {busy ? '正在导出…' : '导出名单'}
    </Button>
  );
}
