// One complaint as a card: whom it is about, its category and words, where it stands (待答复 at which team, until
// when, 已超时), and the answer once given. 我的投诉 and 投诉处理 show it alike; `children` go below (the answer form).
// Test classes: complaint-item, complaint-status, complaint-overdue, complaint-handler, complaint-answer.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '../nutui/tag';
import { COMPLAINT_STATUS_LABEL, type ComplaintView } from '@contract/complaint';
import { dateTimeOf } from '@contract/time';
import { COMPLAINT_STATUS_TAG } from '../../utils/status-tag';
import './index.scss';

export default function ComplaintCard({ c, children }: { c: ComplaintView; children?: ReactNode }) {
  return (
    <View className='card complaint-card complaint-item'>
      <View className='complaint-card__head'>
        <Text className='complaint-card__title'>{c.activityTitle ? `活动：${c.activityTitle}` : c.targetOrgName}</Text>
        <Tag type={c.overdue ? 'danger' : COMPLAINT_STATUS_TAG[c.status]} className='complaint-status'>
          {c.overdue ? '已超时' : COMPLAINT_STATUS_LABEL[c.status]}
        </Tag>
      </View>
      <Text className='complaint-card__meta'>
        {c.category} · {dateTimeOf(c.createdAt)} 提交{c.activityTitle ? ` · ${c.targetOrgName}` : ''}
      </Text>
      <Text className='complaint-card__text'>{c.content}</Text>
      {c.contactName || c.contactPhone ? (
        <Text className='complaint-card__meta'>
          联系人：{c.contactName ?? '（匿名）'}
          {c.contactPhone ? ` ${c.contactPhone}` : ''}
        </Text>
      ) : null}
      {c.status === 'open' ? (
        <Text className={`complaint-card__meta complaint-handler${c.overdue ? ' complaint-overdue is-overdue' : ''}`}>
          {c.handlerOrgName}受理，应于{dateTimeOf(c.answerDueAt)}前答复{c.overdue ? '（已超时）' : ''}
        </Text>
      ) : null}
      {c.answer ? (
        <View className='complaint-card__answer complaint-answer'>
          <Text className='complaint-card__answer-head'>
            {c.answer.orgName} 答复 · {dateTimeOf(c.answer.at)}
          </Text>
          <Text className='complaint-card__text'>{c.answer.text}</Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
