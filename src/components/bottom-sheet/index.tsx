// A bottom sheet with a title and a close button, for the pickers of the main package (the 活动 tab's filters, 切换身份):
// NutUI's Popup brings its overlay, transitions and their CSS (≈33 KB), so it stays with the subpackages' form sheets.
// Its content exists only while it is open.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

type Props = {
  visible: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
};

export default function BottomSheet({ visible, title, onClose, children }: Props) {
  if (!visible) return null;
  return (
    <View className='bottom-sheet'>
      {/* catchMove: the page under the sheet does not scroll with a drag on the overlay. */}
      <View className='bottom-sheet__overlay' catchMove onClick={onClose} />
      <View className='bottom-sheet__panel'>
        <View className='bottom-sheet__head'>
          <Text className='bottom-sheet__title'>{title}</Text>
          <View className='bottom-sheet__close' onClick={onClose}>
            ×
          </View>
        </View>
        {children}
      </View>
    </View>
  );
}
