// 现场报名: the admin adds someone who turned up, by phone (the usual way) or by the 志愿者编号 their 首页 or 我的 shows.
// A phone not yet registered may be sent an SMS invitation: registering with it enrolls its owner.
// Test classes: ck-walkin-by (tabs ck-walkin-by-phone/-no), ck-walkin-input, ck-walkin-error, ck-walkin-submit,
// ck-walkin-invite (after 未注册), ck-walkin-done (the answer).
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import FormSheet from '../../../components/form-sheet';
import SegTabs from '../../../components/seg-tabs';
import { Button } from '../../../components/nutui/button';
import { inviteWalkIn, walkIn } from '../../../services/checkin';
import { toCloudError } from '../../../services/cloud-error';
import { useSubmit } from '../../../hooks/use-submit';
import { CheckinWalkInInput, type CheckinWalkInOutput } from '@contract/checkin';
import { parseContract } from '@contract/zod-messages';

type By = 'phone' | 'no';
type Props = { activityId: string; visible: boolean; onClose: () => void; onEnrolled: (r: CheckinWalkInOutput) => void };

export default function WalkInPopup({ activityId, visible, onClose, onEnrolled }: Props) {
  const [by, setBy] = useState<By>('phone');
  const [value, setValue] = useState('');
  const [unregistered, setUnregistered] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, setError, submit: send } = useSubmit();

  useEffect(() => {
    if (!visible) return;
    setValue('');
    setUnregistered('');
    setDone('');
    setError('');
  }, [visible, setError]);

  const change = (next: string) => {
    setValue(next);
    setError('');
    setUnregistered('');
    setDone('');
  };

  const submit = async () => {
    if (busy) return;
    const text = value.trim();
    const parsed = parseContract(CheckinWalkInInput, { activityId, ...(by === 'phone' ? { phone: text } : { volunteerNo: text }) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setDone('');
    await send(async () => {
      try {
        const r = await walkIn(parsed.data);
        setValue('');
        setDone(
          r.outcome === 'enrolled'
            ? `已为${r.realName}（${r.phoneMasked}）报名，报名 ${r.enrolledCount}/${r.capacity}`
            : `${r.realName}（${r.phoneMasked}）已报名此活动，无需重复报名`,
        );
        onEnrolled(r);
      } catch (e) {
        if (toCloudError(e).code === 'CHECKIN.WALK_IN_NOT_REGISTERED') setUnregistered(text);
        throw e;
      }
    });
  };

  const invite = async () => {
    if (busy || !unregistered) return;
    await send(async () => {
      const r = await inviteWalkIn({ activityId, phone: unregistered });
      setUnregistered('');
      setError('');
      setDone(`已向 ${r.phoneMasked} 发送邀请短信，对方用该手机号注册后将自动报名本活动`);
    });
  };

  return (
    <FormSheet
      visible={visible}
      title='现场报名'
      subject='为到场但未报名的志愿者报名。报名截止后也可添加，但不能超过招募人数。'
      onClose={onClose}
      error={error}
      errorClass='ck-walkin-error'
      hint={done ? <Text className='roster-walkin__done ck-walkin-done'>{done}</Text> : undefined}
      confirm={{ text: '确认报名', className: 'ck-walkin-submit', busy, onClick: () => void submit() }}
    >
      <SegTabs
        name='ck-walkin-by'
        value={by}
        onChange={(k) => {
          setBy(k);
          change('');
        }}
        tabs={[
          { key: 'phone', title: '按手机号' },
          { key: 'no', title: '按志愿者编号' },
        ]}
      />
      <Input
        className='roster-walkin__input ck-walkin-input'
        type={by === 'phone' ? 'number' : 'text'}
        maxlength={by === 'phone' ? 11 : 14}
        placeholder={by === 'phone' ? '志愿者的11位手机号' : '如 KJ202600001234，在志愿者“首页”或“我的”中'}
        value={value}
        onInput={(e) => change(e.detail.value)}
      />
      {unregistered ? (
        <View className='roster-walkin__invite'>
          <Text className='roster-walkin__invite-text'>可发送短信邀请对方注册，注册成功后自动报名本活动。</Text>
          <Button
            className='ck-walkin-invite'
            type='primary'
            fill='outline'
            block
            loading={busy}
            disabled={busy}
            onClick={() => void invite()}
          >
            发送短信邀请
          </Button>
        </View>
      ) : null}
    </FormSheet>
  );
}
