// A labelled HH:mm picker row (the platform's own time picker on weapp and h5); `className` is the row's test class.
import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

type Props = {
  className: string;
  label: string;
  /** "HH:mm", or '' for not set. */
  value: string;
  placeholder?: string;
  /** Where the wheel starts when nothing is set. */
  start?: string;
  disabled?: boolean;
  onChange: (hhmm: string) => void;
};

export default function CheckinTimePicker({ className, label, value, placeholder = '请选择', start = '09:00', disabled, onChange }: Props) {
  return (
    <Picker mode='time' value={value || start} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`checkin-time-picker ${className}${disabled ? ' is-disabled' : ''}`}>
        <Text className='checkin-time-picker__label'>{label}</Text>
        <Text className={value ? 'checkin-time-picker__value' : 'checkin-time-picker__placeholder'}>{value || placeholder}</Text>
        <Text className='checkin-time-picker__arrow'>›</Text>
      </View>
    </Picker>
  );
}
