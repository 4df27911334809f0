// 导出签到记录: every day of the activity with sign-in, sign-out and minutes as xlsx (report.export attendance),
// downloaded on h5 and opened with the system viewer on weapp.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui/button';
import { exportReport } from '../../../services/report';
import { toCloudError } from '../../../services/cloud-error';
import { saveFile } from '../../../device/file';

export default function ExportAttendance({ orgId, activityId }: { orgId: string; activityId: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await saveFile(await exportReport({ orgId, kind: 'attendance', activityId }));
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '导出失败，请重试', icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className='roster__export ck-roster-export'
      size='small'
      fill='none'
      type='primary'
      loading={busy}
      disabled={busy}
      onClick={run}
    >
      导出签到记录
    </Button>
  );
}
