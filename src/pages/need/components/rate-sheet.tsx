// 评价: 1–5 stars (big tap targets), the tags that fit (准时、专业、热情…) and a comment; sent once, and the sheet stays
// open with the message if it is refused.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import FormSheet, { SheetLabel, SheetTextarea } from '../../../components/form-sheet';
import { useSubmit } from '../../../hooks/use-submit';
import { RATING_TAGS, type RatingTag } from '@contract/need';

export const COMMENT_MAX = 300;
const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

type Props = {
  visible: boolean;
  subject: string;
  onConfirm: (rating: { stars: number; tags: RatingTag[]; comment: string }) => Promise<void>;
  onClose: () => void;
};

export default function RateSheet({ visible, subject, onConfirm, onClose }: Props) {
  const [stars, setStars] = useState(0);
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!visible) return;
    setStars(0);
    setTags([]);
    setComment('');
    setError('');
  }, [visible, setError]);

  const toggle = (t: RatingTag) =>
    setTags((now) => (now.includes(t) ? now.filter((x) => x !== t) : RATING_TAGS.filter((x) => x === t || now.includes(x))));
  const confirm = () => {
    if (stars < 1) return setError('请选择星级');
    if (comment.trim().length > COMMENT_MAX) return setError(`评价最多${COMMENT_MAX}字`);
    return submit(() => onConfirm({ stars, tags, comment: comment.trim() }));
  };

  return (
    <FormSheet
      visible={visible}
      title='评价服务'
      subject={subject}
      onClose={onClose}
      error={error}
      errorClass='need-rate-error'
      count={{ value: comment.trim().length, max: COMMENT_MAX }}
      hint='每个需求只能评价一次，提交后不能修改'
      confirm={{ text: '提交评价', className: 'need-rate-confirm', busy, onClick: confirm }}
    >
      <View className='need-rate__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`need-rate__star need-rate-star need-rate-star-${n}${n <= stars ? ' is-on' : ''}`}
            onClick={() => {
              setStars(n);
              setError('');
            }}
          >
            ★
          </Text>
        ))}
      </View>
      <Text className='need-rate__words need-rate-words'>{STAR_WORDS[stars] || '请点击星星打分'}</Text>
      <SheetLabel>服务印象（可多选）</SheetLabel>
      <View className='need-rate__tags'>
        {RATING_TAGS.map((t, i) => (
          <Text
            key={t}
            className={`need-rate__tag need-rate-tag need-rate-tag-${i}${tags.includes(t) ? ' is-on' : ''}`}
            onClick={() => toggle(t)}
          >
            {t}
          </Text>
        ))}
      </View>
      <SheetLabel>评价内容（选填）</SheetLabel>
      <SheetTextarea
        className='need-rate-comment'
        max={COMMENT_MAX}
        placeholder='说说这次服务的感受和建议'
        value={comment}
        onInput={(text) => {
          setComment(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
