// 发布活动 (?orgId=) and 编辑活动 (?id=): the whole activity form, checked with the server's own schema before sending.
// Test classes: act-edit-title, -category, -description, -target, -keyday, -region-province/-city/-county, -lat, -lng
// (h5), -choose-location (weapp), -address, -radius, -start-date, -end-date, -daily-start, -daily-end,
// -signup-start-date/-time, -signup-end-date/-time, -capacity, -waitlist, -audience-<public|members>, -daily-cap, -risk,
// -contact-name, -contact-phone, act-edit-submit, act-edit-banner, act-edit-org; field errors: field-error-<field>.
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import StateView from '../../components/state-view';
import { publishActivity, updateActivity } from '../../services/activity';
import { toCloudError } from '../../services/cloud-error';
import BasicSection from './components/basic-section';
import PlaceSection from './components/place-section';
import TimeSection from './components/time-section';
import EnrollSection from './components/enroll-section';
import { useEditTarget, type EditTarget } from './use-edit-target';
import type { ActivityOutput } from '../../../types/activity';
import {
  explainSaveError,
  firstActivityError,
  newActivityForm,
  validatePublish,
  validateUpdate,
  withFollowers,
  type ActivityErrors,
  type ActivityFieldKey,
  type ActivityForm,
} from './helpers';
import './index.scss';

/** Which error line a form key clears when the user edits it. */
const FIELD_OF_KEY: Partial<Record<keyof ActivityForm, ActivityFieldKey>> = {
  lat: 'location',
  lng: 'location',
  signupStartDate: 'signupStartAt',
  signupStartTime: 'signupStartAt',
  signupEndDate: 'signupEndAt',
  signupEndTime: 'signupEndAt',
  dailyCapHours: 'dailyCapMinutes',
};
const fieldOf = (k: keyof ActivityForm): ActivityFieldKey => FIELD_OF_KEY[k] ?? (k as ActivityFieldKey);

function scrollToField(field: ActivityFieldKey | undefined) {
  if (!field) return;
  Promise.resolve(Taro.pageScrollTo({ selector: `.form-field-${field}`, duration: 200 })).catch(() => undefined);
}

type ReadyTarget = Extract<EditTarget, { status: 'ready' }>;
const detailUrl = (id: string) => `/pages/activity-detail/index?id=${encodeURIComponent(id)}`;

export default function ActivityEdit() {
  const { params } = useRouter();
  const { target, retry } = useEditTarget(params);
  const [form, setForm] = useState<ActivityForm>(newActivityForm);
  const [errors, setErrors] = useState<ActivityErrors>({});
  const [banner, setBanner] = useState('');
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (target.status !== 'ready') return;
    setForm(target.form);
    Taro.setNavigationBarTitle({ title: target.mode === 'edit' ? '编辑活动' : '发布活动' }).catch(() => undefined);
  }, [target]);

  const patch = (p: Partial<ActivityForm>) => {
    setForm((f) => withFollowers(f, p));
    setBanner('');
    setErrors((e) => {
      const next = { ...e };
      (Object.keys(p) as (keyof ActivityForm)[]).forEach((k) => delete next[fieldOf(k)]);
      if ('dailyStart' in p || 'dailyEnd' in p) delete next.dailyEnd;
      return next;
    });
  };

  if (target.status === 'loading') return <Shell><StateView kind='loading' className='act-edit-loading' rows={8} /></Shell>;
  if (target.status === 'error') return <Shell><StateView kind='error' className='act-edit-error' message={target.message} onRetry={retry} /></Shell>;
  if (target.status === 'missing') return <Shell><StateView kind='empty' className='act-edit-missing' icon='活' title={target.title} description={target.description} /></Shell>;

  /** The checked input and how to send it, or what is wrong with the form. */
  const prepare = (t: ReadyTarget): { ok: true; send: () => Promise<ActivityOutput> } | { ok: false; errors: ActivityErrors; banner?: string } => {
    if (t.mode === 'edit') {
      const v = validateUpdate(form, t.form, t.activityId, t.orgId);
      return v.ok ? { ok: true, send: () => updateActivity(v.input) } : v;
    }
    const v = validatePublish(form, t.orgId);
    return v.ok ? { ok: true, send: () => publishActivity(v.input) } : v;
  };

  const submit = async () => {
    if (submitting) return;
    setBanner('');
    const checked = prepare(target);
    if (!checked.ok) {
      setErrors(checked.errors);
      setBanner(checked.banner ?? '');
      scrollToField(firstActivityError(checked.errors));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const { activity } = await checked.send();
      Taro.showToast({ title: target.mode === 'edit' ? '已保存' : '发布成功', icon: 'success', duration: 1500 });
      setTimeout(() => {
        if (target.mode === 'edit' && Taro.getCurrentPages().length > 1) Taro.navigateBack();
        else Taro.redirectTo({ url: detailUrl(activity._id) });
      }, 1000);
    } catch (e) {
      const err = toCloudError(e);
      const view = explainSaveError(err.code, err.message, err.details);
      setErrors(view.fields);
      setBanner(view.banner ?? '');
      scrollToField(firstActivityError(view.fields));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Shell>
      <View className='register__intro'>
        <Text className='register__intro-title'>{target.mode === 'edit' ? '编辑活动' : '发布志愿服务活动'}</Text>
        <Text className='register__intro-text act-edit-org'>发布队伍：{target.orgName}</Text>
        {target.mode === 'edit' ? <Text className='register__intro-text'>修改时间或地点后，已报名的志愿者会收到通知</Text> : null}
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
