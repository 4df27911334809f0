// One labelled form row with its error line; `name` gives the row stable class names for tests.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

type Props = {
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  /** Stack the control under the label (checkbox groups, lists). */
  vertical?: boolean;
  children: ReactNode;
};

export default function FormField({ name, label, required, error, hint, vertical, children }: Props) {
  return (
    <View className={`form-field form-field-${name}${error ? ' is-error' : ''}${vertical ? ' is-vertical' : ''}`}>
      <View className='form-field__row'>
        <Text className='form-field__label'>
          {required ? <Text className='form-field__required'>*</Text> : null}
          {label}
        </Text>
        <View className='form-field__control'>{children}</View>
      </View>
      {error ? <Text className={`form-field__error field-error field-error-${name}`}>{error}</Text> : null}
      {!error && hint ? <Text className='form-field__hint'>{hint}</Text> : null}
    </View>
  );
}
