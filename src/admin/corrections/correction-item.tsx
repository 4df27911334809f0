// One correction request: who, which day, the record now and the times asked for, the volunteer's note; or a 评价申诉:
// the activity, the grade now and the one asked for (ck-corr-kind marks it).
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Tag } from '../../components/nutui/tag';
import { CORRECTION_KIND_LABEL, CORRECTION_STATUS_LABEL, type CorrectionItem as Item } from '@contract/checkin';
import { EVALUATION_GRADE_LABEL } from '@contract/evaluation';
import { clockOf, dateTimeOf } from '@contract/time';
import { formatDuration } from '@contract/format';

const TAG = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

type Props = { item: Item; busy: boolean; onApprove: () => void; onReject: () => void };

export default function CorrectionItem({ item, busy, onApprove, onReject }: Props) {
  return (
    <View className='card correction-item ck-corr-item'>
      <View className='correction-item__head'>
        <Text className='correction-item__name ck-corr-name'>{item.realName}</Text>
        <Tag type={TAG[item.status]} className='ck-corr-status'>
          {CORRECTION_STATUS_LABEL[item.status]}
        </Tag>
      </View>
      {item.kind === 'evaluation' ? (
        <>
          <Text className='correction-item__title'>
            <Text className='ck-corr-kind'>{CORRECTION_KIND_LABEL.evaluation}</Text> · {item.title}
          </Text>
          <View className='correction-item__grid'>
            <Text className='correction-item__label'>现在的评价</Text>
            <Text className='correction-item__value ck-corr-record'>{item.grade ? EVALUATION_GRADE_LABEL[item.grade] : '—'}</Text>
            <Text className='correction-item__label'>希望改为</Text>
            <Text className='correction-item__value is-strong ck-corr-asked'>
              {item.wishedGrade ? EVALUATION_GRADE_LABEL[item.wishedGrade] : '—'}
            </Text>
            <Text className='correction-item__label'>理由</Text>
            <Text className='correction-item__value ck-corr-note'>{item.note}</Text>
          </View>
        </>
      ) : (
        <DayRequest item={item} />
      )}
      <Text className='correction-item__time'>提交于 {dateTimeOf(item.createdAt)}</Text>
      {item.status === 'rejected' && item.reviewReason ? (
        <Text className='correction-item__reason'>驳回原因：{item.reviewReason}</Text>
      ) : null}
      {item.status === 'pending' ? (
        <View className='correction-item__buttons'>
          <Button className='ck-corr-reject' size='small' disabled={busy} onClick={onReject}>
            驳回
          </Button>
          <Button className='ck-corr-approve' size='small' type='primary' loading={busy} disabled={busy} onClick={onApprove}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function DayRequest({ item }: { item: Item }) {
  const r = item.record;
  return (
    <>
      <Text className='correction-item__title'>
        {item.title} · {item.date}
      </Text>
      <View className='correction-item__grid'>
        <Text className='correction-item__label'>现有记录</Text>
        <Text className='correction-item__value ck-corr-record'>
          {r ? `签到 ${clockOf(r.signInAt) || '—'} · 签退 ${clockOf(r.signOutAt) || '—'}（${formatDuration(r.minutes)}）` : '无签到记录'}
        </Text>
        <Text className='correction-item__label'>申请更正为</Text>
        <Text className='correction-item__value is-strong ck-corr-asked'>
          {item.signInAt ? `签到 ${clockOf(item.signInAt)}` : ''}
          {item.signInAt && item.signOutAt ? ' · ' : ''}
          {item.signOutAt ? `签退 ${clockOf(item.signOutAt)}` : ''}
        </Text>
        <Text className='correction-item__label'>说明</Text>
        <Text className='correction-item__value ck-corr-note'>{item.note}</Text>
      </View>
    </>
  );
}
