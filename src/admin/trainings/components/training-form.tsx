// 新建培训: title, type, date, start time, hours (学时, kept apart from service hours), trainer and content.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import FormField from '../../../components/form-field';
import TextField from '../../../components/text-field';
import SegTabs from '../../../components/seg-tabs';
import DateTimeInput from '../../../components/date-time-input';
import { useContractForm } from '../../../hooks/use-contract-form';
import { createTraining } from '../../../services/record';
import { serverToday } from '../../../services/server-clock';
import { TRAINING_HOURS_LABEL, TRAINING_TYPES, type Training } from '@contract/record';
import { TRAINING_SPEC, emptyTrainingForm, validateTrainingForm } from '../helpers';

type Props = { orgId: string; onCreated: (training: Training) => void };

export default function TrainingFormCard({ orgId, onCreated }: Props) {
  const {
    values: form,
    errors,
    banner,
    submitting,
    patch,
    submit,
  } = useContractForm(TRAINING_SPEC, () => emptyTrainingForm(serverToday()));

  const send = () =>
    submit(
      () => validateTrainingForm(orgId, form),
      async (input) => {
        const { training } = await createTraining(input);
        void Taro.showToast({ title: '培训已创建', icon: 'none', duration: 1500 });
        onCreated(training);
      },
    );

  return (
    <View className='card trainings__form'>
      <TextField
        name='title'
        label='培训名称'
        required
        error={errors.title}
        className='training-form-title'
        value={form.title}
        maxlength={40}
        placeholder='例如：新志愿者岗前培训'
        onChange={(title) => patch({ title })}
      />
      <FormField name='type' label='培训类型' required vertical error={errors.type}>
        <SegTabs
          name='training-form-type'
          value={form.type}
          onChange={(type) => patch({ type })}
          tabs={TRAINING_TYPES.map((t) => ({ key: t, title: t }))}
        />
      </FormField>
      <FormField name='date' label='培训日期' required error={errors.date}>
        <DateTimeInput
          className='training-form-date'
          mode='date'
          value={form.date}
          placeholder='选择日期'
          onChange={(date) => patch({ date })}
        />
      </FormField>
      <FormField name='startTime' label='开始时间' error={errors.startTime}>
        <DateTimeInput
          className='training-form-start'
          mode='time'
          value={form.startTime}
          placeholder='选填'
          onChange={(startTime) => patch({ startTime })}
        />
      </FormField>
      <TextField
        name='hours'
        label='培训学时'
        required
        type='digit'
        error={errors.hours}
        hint={TRAINING_HOURS_LABEL}
        className='training-form-hours'
        value={form.hours}
        maxlength={4}
        placeholder='例如：2 或 1.5'
        onChange={(hours) => patch({ hours })}
      />
      <TextField
        name='trainer'
        label='授课人'
        required
        error={errors.trainer}
        className='training-form-trainer'
        value={form.trainer}
        maxlength={20}
        placeholder='授课老师姓名'
        onChange={(trainer) => patch({ trainer })}
      />
      <TextField
        name='content'
        label='培训内容'
        required
        vertical
        multiline
        error={errors.content}
        className='training-form-content'
        value={form.content}
        maxlength={500}
        placeholder='培训的主要内容'
        onChange={(content) => patch({ content })}
      />
      {banner ? <Text className='trainings__banner training-form-error'>{banner}</Text> : null}
      <Button className='training-form-submit' type='primary' block loading={submitting} disabled={submitting} onClick={send}>
        {submitting ? '正在保存…' : '保存培训'}
      </Button>
    </View>
  );
}
