// A tappable row that opens a bottom sheet of options: the same on weapp and h5, and easy to drive in tests.
import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import BottomSheet from '../bottom-sheet';
import './index.scss';

export type PickerOption = { value: string; text: string };

type Props = {
  /** Class of the tappable row, e.g. `reg-education`. */
  className: string;
  title: string;
  placeholder: string;
  options: PickerOption[];
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
};

export default function OptionPicker({ className, title, placeholder, options, value, disabled, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const current = options.find((o) => o.value === value);

  return (
    <View className='option-picker'>
      <View className={`option-picker__trigger ${className}${disabled ? ' is-disabled' : ''}`} onClick={() => !disabled && setOpen(true)}>
        <Text className={current ? 'option-picker__value' : 'option-picker__placeholder'}>{current ? current.text : placeholder}</Text>
        <Text className='option-picker__arrow'>›</Text>
      </View>
      <BottomSheet visible={open} title={title} onClose={() => setOpen(false)}>
        <ScrollView scrollY className={`option-picker__list ${className}-options`}>
          {options.map((o) => (
            <View
              key={o.value}
              className={`option-picker__item option-item${o.value === value ? ' is-active' : ''}`}
              onClick={() => {
                onChange(o.value);
                setOpen(false);
              }}
            >
              {o.text}
            </View>
          ))}
        </ScrollView>
      </BottomSheet>
    </View>
  );
}
