// The bottom bar of 活动详情: enroll, my enrollment with 取消报名, or a disabled button that says why not.
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import type { EnrollView } from '../helpers';

type Props = { view: EnrollView; busy: boolean; onEnroll: () => void; onCancel: () => void };

export default function EnrollBar({ view, busy, onEnroll, onCancel }: Props) {
  return (
    <View className='act-detail__bar'>
      {view.kind === 'enroll' ? (
        <Button className='act-enroll' type='primary' block loading={busy} disabled={busy} onClick={onEnroll}>
          {view.text}
        </Button>
      ) : null}
      {view.kind === 'enrolled' ? (
        <>
          <Text className={`act-detail__mine act-my-status${view.text === '已报名' ? ' is-enrolled' : ''}`}>{view.text}</Text>
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
