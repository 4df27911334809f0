// 记录表彰 for a team's leader and admins: a commendation (title, level, issuer, date) of one of the team's members, of
// the team itself or of one of its activities; it shows once the team one level up approves it (表彰审核).
// Test classes: commend-kind (tabs commend-kind-volunteer/-team/-activity), commend-search (search bar),
// commend-pick (a member or activity to choose), commend-picked, commend-title, commend-level (tabs commend-level-<level>),
// commend-issuer, commend-date, commend-error, commend-submit, commend-done, commend-empty, commend-loading.
import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import FormField from '../../components/form-field';
import TextField from '../../components/text-field';
import SegTabs from '../../components/seg-tabs';
import DateTimeInput from '../../components/date-time-input';
import SearchBar from '../../components/search-bar';
import StateView from '../../components/state-view';
import { useContractForm } from '../../hooks/use-contract-form';
import { useResource } from '../../hooks/use-resource';
import { listMembers } from '../../services/org';
import { publishedActivities } from '../../services/activity';
import { commend } from '../../services/commendation';
import { serverToday } from '../../services/server-clock';
import { COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABEL, type Commendation } from '@contract/commendation';
import { COMMEND_SPEC, emptyCommendForm, validateCommendForm, type SubjectChoice } from './helpers';
import './index.scss';

export default function Commend() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const [done, setDone] = useState<Commendation | null>(null);
  if (!orgId)
    return (
      <View className='app-page commend'>
        <StateView kind='empty' className='commend-empty' icon='奖' title='未指定队伍' description='请从“我的”中的队伍进入' />
      </View>
    );
  return (
    <View className='app-page commend'>
      {done ? (
        <View className='card commend__done commend-done'>
          <Text className='commend__title'>已提交，待{done.reviewOrgName}审核</Text>
          <Text className='commend__muted'>
            {done.subjectName} · {COMMENDATION_LEVEL_LABEL[done.level]} · {done.title}
          </Text>
          <Text className='commend__muted'>审核结果会通过消息中心通知您</Text>
          <Button className='commend-again' size='small' onClick={() => setDone(null)}>
            继续记录
          </Button>
        </View>
      ) : (
        <CommendForm orgId={orgId} onDone={setDone} />
      )}
    </View>
  );
}

function CommendForm({ orgId, onDone }: { orgId: string; onDone: (c: Commendation) => void }) {
  const { values: form, errors, banner, submitting, patch, submit } = useContractForm(COMMEND_SPEC, () => emptyCommendForm(serverToday()));
  const send = () =>
    submit(
      () => validateCommendForm(orgId, form),
      async (input) => {
        const { commendation } = await commend(input);
        void Taro.showToast({ title: '已提交审核', icon: 'none', duration: 1500 });
        onDone(commendation);
      },
    );
  const setKind = (kind: SubjectChoice) => patch({ kind, pick: '', pickName: '' });

  return (
    <View className='card commend__form'>
      <FormField name='subject' label='表彰对象' required vertical error={errors.subject}>
        <SegTabs
          name='commend-kind'
          value={form.kind}
          onChange={setKind}
          tabs={[
            { key: 'volunteer', title: '队员' },
            { key: 'team', title: '本队' },
            { key: 'activity', title: '活动' },
          ]}
        />
        {form.kind === 'team' ? <Text className='commend__muted commend-picked'>表彰本队伍</Text> : null}
        {form.kind !== 'team' && form.pick ? (
          <View className='commend__picked'>
            <Text className='commend-picked'>已选：{form.pickName}</Text>
            <Text className='commend__link' onClick={() => patch({ pick: '', pickName: '' })}>
              重新选择
            </Text>
          </View>
        ) : null}
        {form.kind !== 'team' && !form.pick ? (
          <Picker orgId={orgId} kind={form.kind} onPick={(pick, pickName) => patch({ pick, pickName })} />
        ) : null}
      </FormField>
      <TextField
        name='title'
        label='荣誉名称'
        required
        error={errors.title}
        className='commend-title'
        value={form.title}
        maxlength={40}
        placeholder='例如：优秀科技志愿者'
        onChange={(title) => patch({ title })}
      />
      <FormField name='level' label='表彰级别' required vertical error={errors.level}>
        <SegTabs
          name='commend-level'
          value={form.level}
          onChange={(level) => patch({ level })}
          tabs={COMMENDATION_LEVELS.map((l) => ({ key: l, title: COMMENDATION_LEVEL_LABEL[l] }))}
        />
      </FormField>
      <TextField
        name='issuer'
        label='授予单位'
        required
        error={errors.issuer}
        className='commend-issuer'
        value={form.issuer}
        maxlength={60}
        placeholder='例如：甘肃省科学技术协会'
        onChange={(issuer) => patch({ issuer })}
      />
      <FormField name='date' label='表彰日期' required error={errors.date}>
        <DateTimeInput className='commend-date' mode='date' value={form.date} placeholder='选择日期' onChange={(date) => patch({ date })} />
      </FormField>
      {banner ? <Text className='commend__banner commend-error'>{banner}</Text> : null}
      <Button className='commend-submit' type='primary' block loading={submitting} disabled={submitting} onClick={send}>
        {submitting ? '正在提交…' : '提交审核'}
      </Button>
    </View>
  );
}

/** The team's members (found by name) or its activities, to choose one. */
function Picker({ orgId, kind, onPick }: { orgId: string; kind: 'volunteer' | 'activity'; onPick: (id: string, name: string) => void }) {
  const [keyword, setKeyword] = useState('');
  const load = () =>
    kind === 'volunteer'
      ? listMembers({ orgId, status: 'approved', pageSize: 50 }).then((r) =>
          r.items.map((m) => ({ id: m.openid, name: m.realName, note: m.phoneMasked })),
        )
      : publishedActivities({ orgId, pageSize: 50 }).then((r) => r.items.map((a) => ({ id: a._id, name: a.title, note: a.startDate })));
  const { state, reload } = useResource(load, [orgId, kind], { isEmpty: (d) => d.length === 0 });
  const shown = useMemo(
    () => (state.status === 'ready' ? state.data.filter((o) => !keyword || o.name.includes(keyword)) : []),
    [state, keyword],
  );
  return (
    <View className='commend__picker'>
      {kind === 'volunteer' ? <SearchBar name='commend' placeholder='按姓名查找队员' onSearch={setKeyword} /> : null}
      {state.status === 'loading' ? <StateView kind='loading' className='commend-loading' rows={2} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='commend-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'empty' || (state.status === 'ready' && shown.length === 0) ? (
        <Text className='commend__muted commend-empty'>{kind === 'volunteer' ? '没有找到队员' : '本队暂无活动'}</Text>
      ) : null}
      {shown.map((o) => (
        <View key={o.id} className='commend__option commend-pick' onClick={() => onPick(o.id, o.name)}>
          <Text>{o.name}</Text>
          <Text className='commend__muted'>{o.note}</Text>
        </View>
      ))}
    </View>
  );
}
