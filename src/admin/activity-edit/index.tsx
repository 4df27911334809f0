// 发布活动 (?orgId=, ?needId=) and 编辑活动 (?id=): the whole activity form, checked with the server's own schema before sending.
// Test classes: act-edit-title, -category, -description, -target, -keyday, -region-province/-city/-county, -lat, -lng
// (h5), -choose-location (weapp), -address, -radius, -start-date, -end-date, -daily-start, -daily-end,
// -signup-start-date/-time, -signup-end-date/-time, -capacity, -waitlist, -audience-<public|members>, -daily-cap, -risk,
// -contact-name, -contact-phone, act-edit-submit, act-edit-banner, act-edit-org, act-edit-need; field errors:
// field-error-<field>. With ?needId= (an accepted need) the form starts from the need's draft and publishing links both.
import { useEffect, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { publishActivity, updateActivity } from '../../services/activity';
import BasicSection from './components/basic-section';
import PlaceSection from './components/place-section';
import TimeSection from './components/time-section';
import EnrollSection from './components/enroll-section';
import { useEditTarget } from './use-edit-target';
import {
  ACTIVITY_SPEC,
  newActivityForm,
  validatePublish,
  validateUpdate,
  withFollowers,
  type ActivityFieldKey,
  type ActivityForm,
} from './helpers';
import { useContractForm } from '../../hooks/use-contract-form';
import { routes } from '../../routes';
import './index.scss';

/** The error rows a form key's edit clears (changing the hours clears the 结束时间 rule too). */
const ROWS_OF_KEY: Partial<Record<keyof ActivityForm, ActivityFieldKey | ActivityFieldKey[]>> = {
  lat: 'location',
  lng: 'location',
  signupStartDate: 'signupStartAt',
  signupStartTime: 'signupStartAt',
  signupEndDate: 'signupEndAt',
  signupEndTime: 'signupEndAt',
  dailyCapHours: 'dailyCapMinutes',
  dailyStart: ['dailyStart', 'dailyEnd'],
};
const rowsOf = (k: keyof ActivityForm) => ROWS_OF_KEY[k] ?? (k as ActivityFieldKey);

export default function ActivityEdit() {
  const { params } = useRouter();
  const { target, retry } = useEditTarget(params);
  const {
    values: form,
    setValues: setForm,
    errors,
    banner,
    submitting,
    patch,
    submit: send,
  } = useContractForm(ACTIVITY_SPEC, newActivityForm, {
    rowsOf,
    follow: withFollowers,
    clearBannerOnEdit: true,
  });

  useEffect(() => {
    if (target.status !== 'ready') return;
    setForm(target.form);
    Taro.setNavigationBarTitle({ title: target.mode === 'edit' ? '编辑活动' : '发布活动' }).catch(() => undefined);
  }, [target, setForm]);

  if (target.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='act-edit-loading' rows={8} />
      </Shell>
    );
  if (target.status === 'error')
    return (
      <Shell>
        <StateView kind='error' className='act-edit-error' message={target.message} onRetry={retry} />
      </Shell>
    );
  if (target.status === 'missing')
    return (
      <Shell>
        <StateView kind='empty' className='act-edit-missing' icon='活' title={target.title} description={target.description} />
      </Shell>
    );

  const done = (activityId: string) => {
    void Taro.showToast({ title: target.mode === 'edit' ? '已保存' : '发布成功', icon: 'success', duration: 1500 });
    setTimeout(() => {
      if (target.mode === 'edit' && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      else void Taro.redirectTo({ url: routes.activityDetail(activityId) });
    }, 1000);
  };
  const submit = () =>
    target.mode === 'edit'
      ? send(
          () => validateUpdate(form, target.form, target.activityId, target.orgId),
          async (input) => done((await updateActivity(input)).activity._id),
        )
      : send(
          () => validatePublish(form, target.orgId, target.needId),
          async (input) => done((await publishActivity(input)).activity._id),
        );

  return (
    <Shell>
      <View className='register__intro'>
        <Text className='register__intro-title'>{target.mode === 'edit' ? '编辑活动' : '发布志愿服务活动'}</Text>
        <Text className='register__intro-text act-edit-org'>发布队伍：{target.orgName}</Text>
        {target.mode === 'edit' ? <Text className='register__intro-text'>修改时间或地点后，已报名的志愿者会收到通知</Text> : null}
        {target.needTitle ? (
          <Text className='register__intro-text act-edit-need'>
            承接需求：{target.needTitle}（已按需求填写，请补充签到位置、时段和招募人数）
          </Text>
        ) : null}
      </View>
      <BasicSection form={form} errors={errors} onChange={patch} />
      <PlaceSection form={form} errors={errors} onChange={patch} />
      <TimeSection form={form} errors={errors} onChange={patch} />
      <EnrollSection form={form} errors={errors} onChange={patch} />
      <View className='register__footer'>
        {banner ? <Text className='register__banner act-edit-banner'>{banner}</Text> : null}
        <Button className='act-edit-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在提交…' : target.mode === 'edit' ? '保存修改' : '发布活动'}
        </Button>
      </View>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page register act-edit'>{children}</View>;
}
