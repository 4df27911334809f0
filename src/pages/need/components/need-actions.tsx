// The buttons of a need, only those `need.can` allows (派单, 关闭, 接单, 退回, 从需求广场接单, 评价), and 发布服务活动
// for the team that accepted it while no activity is linked yet.
import { View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import type { NeedView } from '@contract/need';

export type NeedAction = 'dispatch' | 'close' | 'accept' | 'decline' | 'take' | 'rate' | 'publish';

type Props = { need: NeedView; canPublish: boolean; busy: boolean; onAction: (a: NeedAction) => void };

const BUTTONS: { action: NeedAction; text: string; type: 'primary' | 'default' | 'danger' }[] = [
  { action: 'rate', text: '评价服务', type: 'primary' },
  { action: 'accept', text: '接单', type: 'primary' },
  { action: 'take', text: '从需求广场接单', type: 'primary' },
  { action: 'dispatch', text: '派单', type: 'primary' },
  { action: 'publish', text: '发布服务活动', type: 'primary' },
  { action: 'decline', text: '退回', type: 'default' },
  { action: 'close', text: '关闭需求', type: 'danger' },
];

export default function NeedActions({ need, canPublish, busy, onAction }: Props) {
  const allowed = (a: NeedAction) => (a === 'publish' ? canPublish : need.can[a]);
  const shown = BUTTONS.filter((b) => allowed(b.action));
  if (shown.length === 0) return null;
  return (
    <View className='card need__actions need-actions'>
      {shown.map((b) => (
        <Button key={b.action} className={`need-${b.action}`} type={b.type} block disabled={busy} onClick={() => onAction(b.action)}>
          {b.text}
        </Button>
      ))}
    </View>
  );
}
