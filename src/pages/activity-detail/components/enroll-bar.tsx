// The bottom bar of 活动详情: enroll, my enrollment with 联系组织者 and 取消报名, 现场签到 for the team's managers on the
// day, or a disabled button that says why not.
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import type { EnrollView } from '../helpers';

type Props = {
  view: EnrollView;
  busy: boolean;
  onEnroll: () => void;
  onCancel: () => void;
  /** 现场签到: to the roster console. */
  onConsole: () => void;
  /** 联系组织者, for the enrolled when the activity shows a number. */
  onContact?: () => void;
};

export default function EnrollBar({ view, busy, onEnroll, onCancel, onConsole, onContact }: Props) {
  return (
    <View className='act-detail__bar'>
      {view.kind === 'enroll' ? (
        <Button className='act-enroll' type='primary' block loading={busy} disabled={busy} onClick={onEnroll}>
          {view.text}
        </Button>
      ) : null}
      {view.kind === 'console' ? (
        <Button className='act-console' type='primary' block onClick={onConsole}>
          {view.text}
        </Button>
      ) : null}
      {view.kind === 'enrolled' ? (
        <>
          <Text className={`act-detail__mine act-my-status${view.text === '已报名' ? ' is-enrolled' : ''}`}>{view.text}</Text>
          {onContact ? (
            <Button className='act-contact-call' type='primary' fill='outline' loading={busy} disabled={busy} onClick={onContact}>
              联系组织者
            </Button>
          ) : null}
          {view.canCancel ? (
            <Button className='act-cancel-enroll' type='danger' fill='outline' loading={busy} disabled={busy} onClick={onCancel}>
              取消报名
            </Button>
          ) : null}
        </>
      ) : null}
      {view.kind === 'disabled' ? (
        <View className='act-detail__closed'>
          {view.hint ? <Text className='act-detail__hint act-enroll-hint'>{view.hint}</Text> : null}
          <Button className='act-enroll-disabled' block disabled>
            {view.text}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
