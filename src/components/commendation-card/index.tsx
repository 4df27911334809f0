// 表彰奖励 as a card of approved commendations (我的, a team's page): level, title, issuer, date; nothing without any.
import { Image, Text, View } from '@tarojs/components';
import { COMMENDATION_LEVEL_LABEL, COMMENDATION_SUBJECT_LABEL, type Commendation } from '@contract/commendation';
import './index.scss';

type Props = {
  items: readonly Commendation[];
  /** The card's test class; each row is `<name>-item`. */
  name: string;
  /** Name what each is for (a team's page lists the team's and its activities'). */
  showSubject?: boolean;
};

export default function CommendationCard({ items, name, showSubject }: Props) {
  if (items.length === 0) return null;
  return (
    <View className={`card commendation-card ${name}`}>
      <Text className='commendation-card__heading'>表彰奖励</Text>
      {items.map((c) => (
        <View key={c.commendationId} className={`commendation-card__item ${name}-item`}>
          <View className='commendation-card__line'>
            <Text className='commendation-card__level'>{COMMENDATION_LEVEL_LABEL[c.level]}</Text>
            <Text className='commendation-card__title'>{c.title}</Text>
          </View>
          <Text className='commendation-card__muted'>
            {showSubject && c.subjectKind === 'activity' ? `${COMMENDATION_SUBJECT_LABEL.activity}“${c.subjectName}” · ` : ''}
            {c.issuer} · {c.date}
          </Text>
          {c.documentUrl ? <Image className='commendation-card__doc' src={c.documentUrl} mode='aspectFit' /> : null}
        </View>
      ))}
    </View>
  );
}
