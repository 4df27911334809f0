// A date or time control: the native wheel picker on weapp; on h5 the browser's own date/time input (typable, and
// drivable by browser tests), which Taro's h5 wheel is not.
import { Input, Picker, Text, View } from '@tarojs/components';
import './index.scss';

type Props = { className: string; mode: 'date' | 'time'; value: string; placeholder: string; onChange: (value: string) => void };

export default function DateTimeInput({ className, mode, value, placeholder, onChange }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <Input
        className={`field-input date-time-input__native ${className}`}
        nativeProps={{ type: mode }}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onChange(e.detail.value)}
      />
    );
  }
  return (
    <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`option-picker__trigger date-time-input__picker ${className}`}>
        <Text className={value ? 'option-picker__value' : 'option-picker__placeholder'}>{value || placeholder}</Text>
        <Text className='option-picker__arrow'>›</Text>
      </View>
    </Picker>
  );
}
