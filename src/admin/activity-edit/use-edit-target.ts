// What the activity form works on: a team to publish for (?orgId=) or an activity to edit (?id=), loaded once.
import { useEffect, useRef, useState } from 'react';
import { getActivity } from '../../services/activity';
import { getOrg } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { formFromActivity, newActivityForm, type ActivityForm } from './helpers';

export type EditTarget =
  | { status: 'loading' }
  | { status: 'missing'; title: string; description: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; mode: 'publish' | 'edit'; orgId: string; orgName: string; activityId: string; form: ActivityForm };

export function useEditTarget(params: { orgId?: string; id?: string }): { target: EditTarget; retry: () => void } {
  const [target, setTarget] = useState<EditTarget>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const orgId = decodeURIComponent(params.orgId ?? '');
  const id = decodeURIComponent(params.id ?? '');

  useEffect(() => {
    const ticket = ++latest.current;
    const settle = (t: EditTarget) => ticket === latest.current && setTarget(t);
    setTarget({ status: 'loading' });
    const fail = (e: unknown) => {
      const err = toCloudError(e);
      if (err.code === 'ACTIVITY.NOT_FOUND') return settle({ status: 'missing', title: '活动不存在', description: '该活动不存在或已被删除' });
      if (err.code === 'ORG.NOT_FOUND') return settle({ status: 'missing', title: '队伍不存在', description: '该队伍不存在或尚未通过审核' });
      settle({ status: 'error', message: err.message });
    };
    if (id) {
      getActivity(id).then((data) => {
        if (!data.canManage) return settle({ status: 'missing', title: '暂无修改权限', description: '只有发布队伍的负责人或管理员可以修改活动' });
        if (data.phase === 'cancelled' || data.phase === 'ended') {
          return settle({ status: 'missing', title: data.phase === 'cancelled' ? '活动已取消' : '活动已结束', description: '已取消或已结束的活动不能修改' });
        }
        const a = data.activity;
        settle({ status: 'ready', mode: 'edit', orgId: a.orgId, orgName: a.orgName, activityId: a._id, form: formFromActivity(a) });
      }, fail);
    } else if (orgId) {
      getOrg(orgId).then((data) => {
        if (!data.canManage || data.org.status !== 'approved') {
          return settle({ status: 'missing', title: '暂无发布权限', description: '只有通过审核的队伍的负责人或管理员可以发布活动' });
        }
        settle({ status: 'ready', mode: 'publish', orgId, orgName: data.org.name, activityId: '', form: newActivityForm() });
      }, fail);
    } else {
      settle({ status: 'missing', title: '未指定队伍', description: '请从“我的”→队伍管理进入发布活动' });
    }
  }, [orgId, id, attempt]);

  return { target, retry: () => setAttempt((n) => n + 1) };
}
