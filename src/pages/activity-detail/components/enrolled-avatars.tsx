// Who has enrolled, as everyone may see it: a coloured circle with the first character of each name (the server
// answers nothing more), the first few in enrollment order, and how many in all.
import { Text, View } from '@tarojs/components';
import type { EnrolledPreview } from '@contract/activity';

/** The circles' colours, in turn (act-detail__avatar.is-tone-N in index.scss). */
const TONES = 5;

export default function EnrolledAvatars({ preview }: { preview: EnrolledPreview }) {
  if (preview.people.length === 0) return null;
  const more = preview.count - preview.people.length;
  return (
    <View className='act-detail__avatars act-avatars'>
      {preview.people.map((p, i) => (
        <Text key={i} className={`act-detail__avatar act-avatar is-tone-${i % TONES}`}>
          {p.initial}
        </Text>
      ))}
      <Text className='act-detail__avatars-note act-avatars-note'>
        {more > 0 ? `等${preview.count}人已报名` : `${preview.count}人已报名`}
      </Text>
    </View>
  );
}
