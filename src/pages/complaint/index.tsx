// 投诉: anyone — registered or not — complains about a team or one of its activities (opened from the small 投诉 link
// at the bottom of either page). The target is shown as a card; the contact phone is proven by an SMS code as on
// 我要点单. The complaint goes to the team one level up, never to the team complained about; 我的投诉 shows the answer.
// Test classes: complaint-target, complaint-target-missing, complaint-category, complaint-content, complaint-contact,
// complaint-anonymous, reg-phone, reg-send-code, reg-sms-code, complaint-submit, complaint-banner; field errors: field-error-<field>.
import Taro, { useRouter } from '@tarojs/taro';
import { Switch, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import FormField from '../../components/form-field';
import TextField from '../../components/text-field';
import OptionPicker from '../../components/option-picker';
import StateView from '../../components/state-view';
import PhoneSection from '../register/components/phone-section';
import { useContractForm } from '../../hooks/use-contract-form';
import { useResource } from '../../hooks/use-resource';
import { complain } from '../../services/complaint';
import { getOrg } from '../../services/org';
import { getActivity } from '../../services/activity';
import { askToSubscribe } from '../../services/subscribe';
import { COMPLAINT_CATEGORIES, COMPLAINT_CONTENT_MAX, type ComplaintTargetInput } from '@contract/complaint';
import { COMPLAINT_SPEC, newComplaintForm, targetOf, validateComplaint } from './helpers';
import { routes } from '../../routes';
import './index.scss';

const CATEGORY_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c, text: c }));

/** What the card shows of the target: the team's name, or the activity's title and its team. */
async function targetCard(target: ComplaintTargetInput): Promise<{ title: string; sub: string }> {
  if ('orgId' in target) {
    const { org } = await getOrg(target.orgId);
    return { title: org.name, sub: '被投诉队伍' };
  }
  const { activity } = await getActivity(target.activityId);
  return { title: activity.title, sub: `被投诉活动 · ${activity.orgName}` };
}

export default function ComplaintPage() {
  const params = useRouter().params;
  const target = targetOf(params);
  const card = useResource(target ? () => targetCard(target) : null, [params.orgId, params.activityId]);
  const { values: form, errors, setErrors, banner, submitting, patch, submit: send } = useContractForm(COMPLAINT_SPEC, newComplaintForm);

  if (!target) return <StateView kind='error' className='complaint-target-missing' message='请从队伍或活动页面进入投诉' />;

  const submit = () =>
    send(
      () => validateComplaint(form, target),
      async (input) => {
        await askToSubscribe(['complaintProgress']);
        const { complaint } = await complain(input);
        void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
        setTimeout(() => Taro.redirectTo({ url: routes.myComplaints(complaint.complaintId) }), 1000);
      },
    );

  return (
    <View className='app-page register complaint'>
      <View className='card complaint__target complaint-target'>
        {card.state.status === 'ready' ? (
          <>
            <Text className='complaint__target-title'>{card.state.data.title}</Text>
            <Text className='complaint__target-sub'>{card.state.data.sub}</Text>
          </>
        ) : card.state.status === 'error' ? (
          <Text className='complaint__target-sub'>{card.state.error.message}</Text>
        ) : (
          <Text className='complaint__target-sub'>正在读取…</Text>
        )}
        <Text className='complaint__note'>
          投诉将交由被投诉队伍的上级队伍受理，并在7天内答复；被投诉队伍看不到您的投诉，除非上级队伍决定告知。
        </Text>
      </View>
      <View className='reg-section'>
        <View className='reg-section__title'>1 投诉内容</View>
        <FormField name='category' label='投诉类别' required error={errors.category}>
          <OptionPicker
            className='complaint-category'
            title='投诉类别'
            placeholder='请选择'
            options={CATEGORY_OPTIONS}
            value={form.category}
            onChange={(v) => patch({ category: COMPLAINT_CATEGORIES.find((c) => c === v) ?? '' })}
          />
        </FormField>
        <FormField name='content' label='投诉内容' required error={errors.content} vertical>
          <Textarea
            className='field-textarea complaint__textarea complaint-content'
            maxlength={COMPLAINT_CONTENT_MAX}
            placeholder='请说明时间、地点和经过（至少10字）'
            value={form.content}
            onInput={(e) => patch({ content: e.detail.value })}
          />
          <Text className='complaint__counter'>
            {form.content.trim().length}/{COMPLAINT_CONTENT_MAX}
          </Text>
        </FormField>
        <TextField
          name='contactName'
          label='联系人'
          required
          error={errors.contactName}
          className='field-input complaint-contact'
          maxlength={20}
          placeholder='您的称呼'
          value={form.contactName}
          onChange={(contactName) => patch({ contactName })}
        />
        <View className='complaint__anonymous'>
          <Text>不向被投诉队伍透露我的姓名</Text>
          <Switch
            className='complaint-anonymous'
            checked={form.anonymousToTeam}
            onChange={(e) => patch({ anonymousToTeam: e.detail.value })}
          />
        </View>
      </View>
      <PhoneSection
        form={form}
        errors={{ phone: errors.phone, smsCode: errors.smsCode }}
        onChange={(field, value) => patch({ [field]: value })}
        onErrors={(e) => setErrors((prev) => ({ ...prev, phone: e.phone, ...('smsCode' in e ? { smsCode: e.smsCode } : {}) }))}
        purpose='complaint'
        title='2 验证联系电话（仅受理队伍可见）'
        phoneLabel='联系电话'
      />
      <View className='register__footer'>
        {banner ? <Text className='register__banner complaint-banner'>{banner}</Text> : null}
        <Button className='complaint-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitting ? '正在提交…' : '提交投诉'}
        </Button>
      </View>
    </View>
  );
}
