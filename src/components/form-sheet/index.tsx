// The one sheet for what is asked before an action (a reason, times, a count): title, subject, the fields, one error
// line (a failed action keeps the sheet open with its message), a hint, and the button that sends once.
import type { ReactNode } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { Popup } from '../nutui/popup';
import './index.scss';

type Props = {
  visible: boolean;
  title: string;
  onClose: () => void;
  /** Who or what the action is about, under the title. */
  subject?: ReactNode;
  children?: ReactNode;
  error: string;
  /** The error line's test class. */
  errorClass: string;
  /** A counted text's length, shown beside the error line. */
  count?: { value: number; max: number };
  hint?: ReactNode;
  /** `disabled`: the fields hold something that cannot be sent (the error line says what). */
  confirm: { text: string; className: string; danger?: boolean; busy: boolean; disabled?: boolean; onClick: () => void };
  /** With a test class: a 取消 button beside the confirm one. */
  cancelClass?: string;
};

export default function FormSheet({
  visible,
  title,
  onClose,
  subject,
  children,
  error,
  errorClass,
  count,
  hint,
  confirm,
  cancelClass,
}: Props) {
  const errorLine = <Text className={`form-sheet__error ${errorClass}`}>{error}</Text>;
  const button = (
    <Button
      className={confirm.className}
      type={confirm.danger ? 'danger' : 'primary'}
      block={!cancelClass}
      loading={confirm.busy}
      disabled={confirm.busy || confirm.disabled}
      onClick={confirm.onClick}
    >
      {confirm.text}
    </Button>
  );
  return (
    <Popup visible={visible} position='bottom' round title={title} closeable onClose={onClose}>
      {visible ? (
        <View className='form-sheet'>
          {subject ? <Text className='form-sheet__subject'>{subject}</Text> : null}
          {children}
          {count ? (
            <View className='form-sheet__meta'>
              {errorLine}
              <Text className='form-sheet__count'>
                {count.value}/{count.max}
              </Text>
            </View>
          ) : (
            errorLine
          )}
          {hint ? <Text className='form-sheet__hint'>{hint}</Text> : null}
          {cancelClass ? (
            <View className='form-sheet__buttons'>
              <Button className={cancelClass} onClick={onClose}>
                取消
              </Button>
              {button}
            </View>
          ) : (
            button
          )}
        </View>
      ) : null}
    </Popup>
  );
}

/** The sheet's text box; typing clears the error (`onInput`). */
export function SheetTextarea({
  className,
  value,
  max,
  placeholder,
  onInput,
}: {
  className: string;
  value: string;
  max: number;
  placeholder: string;
  onInput: (text: string) => void;
}) {
  return (
    <Textarea
      className={`form-sheet__input ${className}`}
      maxlength={max}
      placeholder={placeholder}
      value={value}
      onInput={(e) => onInput(e.detail.value)}
    />
  );
}

/** A labelled row of the sheet. */
export function SheetLabel({ children }: { children: ReactNode }) {
  return <Text className='form-sheet__label'>{children}</Text>;
}
