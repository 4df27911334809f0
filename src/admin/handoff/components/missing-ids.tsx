// 尚未填写全国统一编号的志愿者 of the team and the teams below (name, our 志愿者编号, team), 20 at a time, each with
// an input to enter the number the national system gave them; the contract's own rule checks it before it is sent.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import StateView from '../../../components/state-view';
import ListFooter from '../../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../../hooks/use-paged-list';
import { handoffMissingIds, setNationalVolunteerId } from '../../../services/record';
import { toCloudError } from '../../../services/cloud-error';
import { NATIONAL_VOLUNTEER_ID_LABEL, NationalVolunteerIdSchema, type MissingNationalId } from '@contract/handoff';

type RowState = { value: string; error: string; saving: boolean; saved: string };
const EMPTY_ROW: RowState = { value: '', error: '', saving: false, saved: '' };

export default function MissingIds({ orgId }: { orgId: string }) {
  const { list, reload, loadMore, hasMore } = usePagedList(
    (page) => handoffMissingIds(orgId, page, PAGE_SIZE),
    (m: MissingNationalId) => m.openid,
  );
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const rowOf = (openid: string) => rows[openid] ?? EMPTY_ROW;
  const patch = (openid: string, p: Partial<RowState>) => setRows((r) => ({ ...r, [openid]: { ...(r[openid] ?? EMPTY_ROW), ...p } }));

  // The list follows the team chosen (usePagedList loads on reload only).
  useEffect(() => {
    setRows({});
    reload();
  }, [orgId, reload]);

  // Numbers entered here leave their rows on screen, marked 已填写, and the count.
  const filled = Object.values(rows).filter((r) => r.saved).length;

  const save = async (m: MissingNationalId) => {
    const row = rowOf(m.openid);
    if (row.saving) return;
    const parsed = NationalVolunteerIdSchema.safeParse(row.value);
    if (!parsed.success) {
      patch(m.openid, { error: row.value.trim() ? parsed.error.issues[0].message : `请填写${NATIONAL_VOLUNTEER_ID_LABEL}` });
      return;
    }
    patch(m.openid, { saving: true, error: '' });
    try {
      const out = await setNationalVolunteerId({ orgId, openid: m.openid, nationalVolunteerId: parsed.data });
      patch(m.openid, { saving: false, saved: out.nationalVolunteerId });
    } catch (e) {
      patch(m.openid, { saving: false, error: toCloudError(e).message });
    }
  };

  return (
    <View className='handoff__missing'>
      <Text className='handoff__section-title handoff__outside-title'>
        尚未填写全国统一编号的志愿者
        {list.status === 'ready' ? <Text className='handoff-missing-total'>（{list.total - filled} 人）</Text> : null}
      </Text>
      <Text className='handoff__muted handoff__outside-note'>志愿者本人未填写时，可在此代为填写；本人填写的编号只能由本人修改。</Text>
      {list.status === 'loading' ? <StateView kind='loading' className='handoff-missing-loading' rows={3} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='handoff-missing-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView kind='empty' className='handoff-missing-empty' icon='号' title='全部志愿者都已填写全国统一编号' />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((m) => {
            const row = rowOf(m.openid);
            return (
              <View key={m.openid} className='card handoff__row handoff-missing-item'>
                <View className='handoff__row-head'>
                  <Text className='handoff__row-title handoff-missing-name'>{m.realName}</Text>
                  <Text className='handoff__muted handoff-missing-no'>{m.volunteerNo ?? '无志愿者编号'}</Text>
                </View>
                <Text className='handoff__muted'>{m.orgName}</Text>
                {row.saved ? (
                  <Text className='handoff__saved handoff-missing-saved'>已填写：{row.saved}</Text>
                ) : (
                  <View className='handoff__fill'>
                    <Input
                      className='handoff__input handoff-missing-input'
                      value={row.value}
                      maxlength={32}
                      placeholder={NATIONAL_VOLUNTEER_ID_LABEL}
                      onInput={(e) => patch(m.openid, { value: e.detail.value, error: '' })}
                    />
                    <Button
                      className='handoff-missing-save'
                      size='small'
                      type='primary'
                      loading={row.saving}
                      disabled={row.saving}
                      onClick={() => void save(m)}
                    >
                      保存
                    </Button>
                  </View>
                )}
                {row.error ? <Text className='handoff__error handoff-missing-row-error'>{row.error}</Text> : null}
              </View>
            );
          })
        : null}
      <ListFooter
        name='handoff-missing'
        list={list}
        hasMore={hasMore}
        onMore={loadMore}
        endText={list.status === 'ready' ? `共 ${list.total} 人` : undefined}
      />
    </View>
  );
}
