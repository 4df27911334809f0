// 数据截至: figures of a very large tree (a whole nation) come from the 统计汇总 of a stated time when something changed
// since, rather than from every record (which no call can read in time); this says so. Test class: stats-as-of.
import { Text } from '@tarojs/components';
import { monthDayTimeOf } from '@contract/time';

export default function AsOf({ iso }: { iso: string }) {
  return (
    <Text className='stats__note stats-as-of'>数据截至{monthDayTimeOf(iso)}（范围较大，按统计汇总计算，之后的变动在下次汇总后计入）</Text>
  );
}
