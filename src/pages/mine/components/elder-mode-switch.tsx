// 长辈模式 on 我的: the whole row is the switch; the choice is kept on this phone and applies to every page at once.
import { Text, View } from '@tarojs/components';
import { useElderMode } from '../../../hooks/use-elder-mode';

export default function ElderModeSwitch() {
  const [on, setOn] = useElderMode();
  return (
    <View className='card mine__elder'>
      <View
        className={`mine__entry mine-elder-mode${on ? ' is-on' : ''}`}
        ariaRole='switch'
        ariaLabel={on ? '长辈模式，已开启' : '长辈模式，已关闭'}
        onClick={() => setOn(!on)}
      >
        <View className='mine__entry-main'>
          <Text className='mine__entry-title'>长辈模式</Text>
          <Text className='mine__elder-text'>字更大、按钮更大、颜色更清楚，只在本机生效</Text>
        </View>
        <View className={`mine__toggle${on ? ' is-on' : ''}`}>
          <View className='mine__toggle-knob' />
        </View>
      </View>
    </View>
  );
}
