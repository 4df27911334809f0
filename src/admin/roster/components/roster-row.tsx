// One volunteer of the day: in/out times, credited minutes, status, the scans to look at (定位精度差, 位置与活动地点完全重合:
// the record is not trusted silently), 离线 with the day's offline scans in words; 补录/调整 for the team's managers.
import { Text, View } from '@tarojs/components';
import { Tag } from '../../../components/nutui/tag';
import CheckinAudit from '../../../components/checkin-audit';
import { SCAN_FLAG_LABEL, type Adjustment, type RosterEntry } from '@contract/checkin';
import { dayTag } from '../../../utils/audit-text';
import { clockOf } from '@contract/time';
import { formatDuration } from '@contract/format';
import OfflineMarks, { hasOffline } from './offline-marks';

const STATUS_TAG = { absent: 'default', open: 'warning', closed: 'success', adjusted: 'primary' } as const;
const statusLabel = (row: RosterEntry) => (row.status === 'absent' ? '未签到' : dayTag(row.status, row.adjustments));

type Props = { row: RosterEntry; canManage: boolean; trail?: Adjustment[]; onAdjust: () => void };

export default function RosterRow({ row, canManage, trail, onAdjust }: Props) {
  // 离线 has its own tag and lines; the other flags ask to check whether the person was there.
  const flags = (row.flags ?? []).filter((f) => f !== 'offline');
  return (
    <View className={`card roster-row ck-roster-row is-${row.status}`}>
      <View className='roster-row__head'>
        <Text className='roster-row__name ck-roster-name'>{row.realName || '（未填写姓名）'}</Text>
        <Text className='roster-row__phone'>{row.phoneMasked}</Text>
        <Tag type={STATUS_TAG[row.status]} className='ck-roster-status'>
          {statusLabel(row)}
        </Tag>
        {hasOffline(row) ? (
          <Tag type='warning' className='roster-row__offline ck-roster-offline'>
            离线
          </Tag>
        ) : null}
      </View>
      <View className='roster-row__body'>
        <Text className='roster-row__times ck-roster-times'>
          签到 {clockOf(row.signInAt) || '—'} · 签退 {clockOf(row.signOutAt) || '—'}
        </Text>
        <Text className='roster-row__minutes ck-roster-minutes'>{row.status === 'absent' ? '' : formatDuration(row.minutes)}</Text>
      </View>
      {flags.length ? (
        <View className='roster-row__flags ck-roster-flags'>
          {flags.map((f) => (
            <Text key={f} className='roster-row__flag ck-roster-flag'>
              {SCAN_FLAG_LABEL[f]}
            </Text>
          ))}
          <Text className='roster-row__flags-hint'>请核实是否在现场</Text>
        </View>
      ) : null}
      <OfflineMarks row={row} />
      {trail ? <CheckinAudit items={trail} audience='admin' /> : null}
      {canManage ? (
        <View className='roster-row__actions'>
          <Text className='roster-row__action ck-roster-adjust' onClick={onAdjust}>
            {row.status === 'absent' ? '补录' : '调整'}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
