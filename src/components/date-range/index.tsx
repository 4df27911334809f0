// A 开始日期 至 结束日期 pair of date pickers; the two tappable dates get the classes `<name>-from` and `<name>-to`.
import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

type Props = {
  name: string;
  from: string;
  to: string;
  /** the latest date either may take */ end?: string;
  today: string;
  onChange: (patch: { from?: string; to?: string }) => void;
};

export default function DateRange({ name, from, to, end, today, onChange }: Props) {
  return (
    <View className='date-range'>
      <Picker mode='date' value={from || today} end={end} onChange={(e) => onChange({ from: String(e.detail.value) })}>
        <Text className={`date-range__date ${name}-from${from ? '' : ' is-empty'}`}>{from || '开始日期'}</Text>
      </Picker>
      <Text className='date-range__to'>至</Text>
      <Picker mode='date' value={to || today} end={end} onChange={(e) => onChange({ to: String(e.detail.value) })}>
        <Text className={`date-range__date ${name}-to${to ? '' : ' is-empty'}`}>{to || '结束日期'}</Text>
      </Picker>
    </View>
  );
}
