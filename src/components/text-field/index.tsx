// One labelled text row: a FormField around an Input (or a Textarea with `multiline`), typed value in, typed value out.
// `className` is the control's own classes (its look and its test class, e.g. `field-input reg-phone`); `children`
// go beside the control (a 发送验证码 button).
import type { ReactNode } from 'react';
import { Input, Textarea, type InputProps } from '@tarojs/components';
import FormField from '../form-field';

type Props = {
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  vertical?: boolean;
  className: string;
  value: string;
  onChange: (value: string) => void;
  maxlength: number;
  placeholder?: string;
  /** Input only: the phone's keyboard (number, idcard …). */
  type?: InputProps['type'];
  multiline?: boolean;
  children?: ReactNode;
};

export default function TextField({
  name,
  label,
  required,
  error,
  hint,
  vertical,
  className,
  value,
  onChange,
  maxlength,
  placeholder,
  type,
  multiline,
  children,
}: Props) {
  return (
    <FormField name={name} label={label} required={required} error={error} hint={hint} vertical={vertical}>
      {multiline ? (
        <Textarea
          className={className}
          maxlength={maxlength}
          placeholder={placeholder}
          value={value}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={className}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          value={value}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {children}
    </FormField>
  );
}
