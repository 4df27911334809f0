// The audit trail of a day record: every admin change (补录, 调整, 批量签退, an approved correction) with who, when,
// why and the times before → after. Test classes: ck-audit, ck-audit-item.
import { Text, View } from '@tarojs/components';
import type { Adjustment } from '@contract/checkin';
import { clockOf, dateTimeOf } from '@contract/time';
import { formatDuration } from '@contract/format';
import './index.scss';

const span = (s: Adjustment['before']) => `${clockOf(s.signInAt) || '—'} ~ ${clockOf(s.signOutAt) || '—'}（${formatDuration(s.minutes)}）`;

export default function CheckinAudit({ items }: { items: Adjustment[] }) {
  if (items.length === 0) return null;
  return (
    <View className='checkin-audit ck-audit'>
      <Text className='checkin-audit__title'>变更记录</Text>
      {items.map((a, i) => (
        <View key={`${a.at}-${i}`} className='checkin-audit__item ck-audit-item'>
          <Text className='checkin-audit__head'>
            {dateTimeOf(a.at)} · {a.byName || '管理员'}
          </Text>
          <Text className='checkin-audit__change'>
            {span(a.before)} → {span(a.after)}
          </Text>
          <Text className='checkin-audit__reason'>原因：{a.reason}</Text>
        </View>
      ))}
    </View>
  );
}
