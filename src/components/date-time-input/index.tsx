// A date or time control: the native wheel picker on weapp; on h5 the browser's own date/time input (typable, and
// drivable by browser tests), which Taro's h5 wheel is not. A browser writes its input's value in its own language
// (12/04/2026 in English), so on h5 the input lies transparent over our Chinese reading of it (2026年12月4日, 09:30).
import { Input, Picker, Text, View } from '@tarojs/components';
import { chineseDateOf } from '@contract/time';
import './index.scss';

type Props = { className: string; mode: 'date' | 'time'; value: string; placeholder: string; onChange: (value: string) => void };

export default function DateTimeInput({ className, mode, value, placeholder, onChange }: Props) {
  const shown = mode === 'date' ? chineseDateOf(value) : value;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='field-input date-time-input'>
        <Text className={`date-time-input__shown ${className}-shown${value ? '' : ' is-empty'}`}>{shown || placeholder}</Text>
        <Input
          className={`date-time-input__native ${className}`}
          nativeProps={{ type: mode, lang: 'zh-CN' }}
          placeholder={placeholder}
          value={value}
          onInput={(e) => onChange(e.detail.value)}
        />
      </View>
    );
  }
  return (
    <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`option-picker__trigger date-time-input__picker ${className}`}>
        <Text className={value ? 'option-picker__value' : 'option-picker__placeholder'}>{shown || placeholder}</Text>
        <Text className='option-picker__arrow'>›</Text>
      </View>
    </Picker>
  );
}
