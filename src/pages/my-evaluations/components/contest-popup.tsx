// 申诉 of one evaluation: the grade the volunteer thinks right (the current one cannot be picked) and why; sent as a
// correction request of kind 'evaluation' and decided by a manager of the team other than the evaluator.
// Test classes: my-ev-wish-<grade> (is-active), my-ev-note, my-ev-contest-error, my-ev-contest-submit.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import FormSheet, { SheetTextarea } from '../../../components/form-sheet';
import { contestEvaluation } from '../../../services/evaluation';
import { useSubmit } from '../../../hooks/use-submit';
import { CheckinRequestCorrectionInput } from '@contract/checkin';
import { EVALUATION_GRADES, EVALUATION_GRADE_LABEL, type EvaluationGrade, type MyEvaluation } from '@contract/evaluation';
import { parseContract } from '@contract/zod-messages';

const NOTE_MAX = 200;

type Props = { item: MyEvaluation | null; onClose: () => void; onDone: () => void };

export default function ContestPopup({ item, onClose, onDone }: Props) {
  const [wished, setWished] = useState<EvaluationGrade | undefined>();
  const [note, setNote] = useState('');
  const { busy, error, setError, submit: send } = useSubmit();

  useEffect(() => {
    setWished(undefined);
    setNote('');
    setError('');
  }, [item, setError]);

  const submit = () => {
    if (!item || busy) return;
    if (!wished) return setError('请选择您认为恰当的评价等级');
    const parsed = parseContract(CheckinRequestCorrectionInput, {
      kind: 'evaluation',
      activityId: item.activityId,
      wishedGrade: wished,
      note,
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    return send(async () => {
      await contestEvaluation(item.activityId, wished, parsed.data.note);
      onDone();
    });
  };

  return (
    <FormSheet
      visible={item !== null}
      title='评价申诉'
      subject={item ? `${item.title} · 现在的评价：${EVALUATION_GRADE_LABEL[item.grade]}` : ''}
      onClose={onClose}
      error={error}
      errorClass='my-ev-contest-error'
      count={{ value: note.trim().length, max: NOTE_MAX }}
      hint='提交后由活动所属队伍中评价人以外的负责人或管理员处理，通过后评价自动更新。'
      confirm={{ text: '提交申诉', className: 'my-ev-contest-submit', busy, onClick: submit }}
    >
      <View className='contest-popup__grades'>
        {EVALUATION_GRADES.map((g) => (
          <View
            key={g}
            className={`contest-popup__grade my-ev-wish-${g}${wished === g ? ' is-active' : ''}${item?.grade === g ? ' is-disabled' : ''}`}
            onClick={() => {
              if (item?.grade === g) return;
              setWished(g);
              setError('');
            }}
          >
            {EVALUATION_GRADE_LABEL[g]}
          </View>
        ))}
      </View>
      <SheetTextarea
        className='my-ev-note'
        max={NOTE_MAX}
        placeholder='请说明理由，如：全程参与并负责讲解'
        value={note}
        onInput={(text) => {
          setNote(text);
          setError('');
        }}
      />
    </FormSheet>
  );
}
