// The change log of a day record: every change (补录, 调整, 批量签退, an approved 更正, an offline scan recorded later,
// 撤销签退) in words, with who and when, what the day was before and why; worded for whoever reads it (the volunteer on
// 我的时长, the admins on 签到名单). Test classes: ck-audit, ck-audit-item, ck-audit-change, ck-audit-before, ck-audit-reason.
import { Text, View } from '@tarojs/components';
import type { Adjustment } from '@contract/checkin';
import { dateTimeOf } from '@contract/time';
import { beforeText, changeText, reasonText, type AuditAudience } from '../../utils/audit-text';
import './index.scss';

export default function CheckinAudit({ items, audience }: { items: Adjustment[]; audience: AuditAudience }) {
  if (items.length === 0) return null;
  return (
    <View className='checkin-audit ck-audit'>
      <Text className='checkin-audit__title'>变更记录</Text>
      {items.map((a, i) => {
        const before = beforeText(a);
        const reason = reasonText(a);
        return (
          <View key={`${a.at}-${i}`} className='checkin-audit__item ck-audit-item'>
            <Text className='checkin-audit__head'>
              {dateTimeOf(a.at)} · {a.byName || (audience === 'admin' ? '管理员' : '队伍管理员')}
            </Text>
            <Text className='checkin-audit__change ck-audit-change'>{changeText(a, audience)}</Text>
            {before ? <Text className='checkin-audit__before ck-audit-before'>{before}</Text> : null}
            {reason ? <Text className='checkin-audit__reason ck-audit-reason'>{reason}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
