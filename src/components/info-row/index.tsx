// A label on the left, its value on the right (selectable, so numbers can be copied); `cls` is the value's test class.
import { Text, View } from '@tarojs/components';
import './index.scss';

export default function InfoRow({ label, value, cls }: { label: string; value: string; cls: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text className={`info-row__value ${cls}`} userSelect>
        {value}
      </Text>
    </View>
  );
}
