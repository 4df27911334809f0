// A roster row's 离线 scans in words, one line each ("离线签到 09:30（管理员李敏代扫，王芳确认）"), and how many more of the
// person's offline scans of the day wait for an admin (the 离线扫码待确认 card above lists them).
// Test classes: ck-roster-offline-marks, ck-roster-offline-mark, ck-roster-offline-pending.
import { Text, View } from '@tarojs/components';
import type { RosterEntry } from '@contract/checkin';
import { offlineMarkText } from '../../offline-scans';
import './offline.scss';

/** Whether a row has anything offline to show (the 离线 tag beside the name). */
export const hasOffline = (row: RosterEntry): boolean =>
  (row.offline?.length ?? 0) > 0 || (row.offlinePending ?? 0) > 0 || (row.flags ?? []).includes('offline');

export default function OfflineMarks({ row }: { row: RosterEntry }) {
  const marks = row.offline ?? [];
  const waiting = row.offlinePending ?? 0;
  if (!marks.length && !waiting) return null;
  return (
    <View className='roster-offline-marks ck-roster-offline-marks'>
      {marks.map((m, i) => (
        <Text key={`${m.kind}-${m.at}-${i}`} className='roster-offline-marks__line ck-roster-offline-mark'>
          {offlineMarkText(m)}
        </Text>
      ))}
      {waiting ? (
        <Text className='roster-offline-marks__pending ck-roster-offline-pending'>{waiting}条离线扫码待确认，确认后计入</Text>
      ) : null}
    </View>
  );
}
