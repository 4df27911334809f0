// The sheets the team's managers open from 活动详情: the reason for 取消活动, 服务人数 (附件3), and the hidden canvas the
// weapp poster is drawn on.
import { Canvas } from '@tarojs/components';
import type { ActivityGetOutput } from '@contract/activity';
import ReasonSheet from '../../../components/form-sheet/reason-sheet';
import { POSTER_CANVAS_ID } from '../../../device/poster';
import ServedPopup from './served-popup';

type Props = {
  data: ActivityGetOutput;
  askingReason: boolean;
  onCancelActivity: (reason: string) => Promise<void>;
  onCloseReason: () => void;
  recordingServed: boolean;
  onCloseServed: () => void;
  onServedSaved: () => void;
};

export default function ManagerSheets(props: Props) {
  const { data, askingReason, onCancelActivity, onCloseReason, recordingServed, onCloseServed, onServedSaved } = props;
  const a = data.activity;
  return (
    <>
      <ReasonSheet
        visible={askingReason}
        title='取消活动'
        subject={`取消“${a.title}”，已报名和候补的${data.enrolledCount + a.waitlistCount}位志愿者会收到通知`}
        placeholder='请填写取消原因，志愿者会看到'
        confirmText='确认取消活动'
        onConfirm={onCancelActivity}
        onClose={onCloseReason}
      />
      <ServedPopup
        visible={recordingServed}
        activityId={a._id}
        servedCount={a.servedCount}
        summary={a.summary}
        onClose={onCloseServed}
        onDone={onServedSaved}
      />
      {data.canManage && process.env.TARO_ENV === 'weapp' ? (
        <Canvas type='2d' id={POSTER_CANVAS_ID} className='act-detail__canvas' />
      ) : null}
    </>
  );
}
