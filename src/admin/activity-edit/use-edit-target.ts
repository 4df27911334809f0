// What the activity form works on: a team to publish for (?orgId=) or an activity to edit (?id=), loaded once.
import { getActivity } from '../../services/activity';
import { getOrg } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { formFromActivity, newActivityForm, type ActivityForm } from './helpers';

type Missing = { status: 'missing'; title: string; description: string };
type Ready = { status: 'ready'; mode: 'publish' | 'edit'; orgId: string; orgName: string; activityId: string; form: ActivityForm };
export type EditTarget = { status: 'loading' } | Missing | { status: 'error'; message: string } | Ready;

/** What the parameters lead to: the form to fill in, or why there is none. */
async function findTarget(orgId: string, id: string): Promise<Missing | Ready> {
  const missing = (title: string, description: string): Missing => ({ status: 'missing', title, description });
  try {
    if (id) {
      const data = await getActivity(id);
      if (!data.canManage) return missing('暂无修改权限', '只有发布队伍的负责人或管理员可以修改活动');
      if (data.phase === 'cancelled' || data.phase === 'ended')
        return missing(data.phase === 'cancelled' ? '活动已取消' : '活动已结束', '已取消或已结束的活动不能修改');
      const a = data.activity;
      return { status: 'ready', mode: 'edit', orgId: a.orgId, orgName: a.orgName, activityId: a._id, form: formFromActivity(a) };
    }
    if (orgId) {
      const data = await getOrg(orgId);
      if (!data.canManage || data.org.status !== 'approved')
        return missing('暂无发布权限', '只有通过审核的队伍的负责人或管理员可以发布活动');
      return { status: 'ready', mode: 'publish', orgId, orgName: data.org.name, activityId: '', form: newActivityForm() };
    }
  } catch (e) {
    const err = toCloudError(e);
    if (err.code === 'ACTIVITY.NOT_FOUND') return missing('活动不存在', '该活动不存在或已被删除');
    if (err.code === 'ORG.NOT_FOUND') return missing('队伍不存在', '该队伍不存在或尚未通过审核');
    throw err;
  }
  return missing('未指定队伍', '请从“我的”→队伍管理进入发布活动');
}

export function useEditTarget(params: { orgId?: string; id?: string }): { target: EditTarget; retry: () => void } {
  const orgId = decodeURIComponent(params.orgId ?? '');
  const id = decodeURIComponent(params.id ?? '');
  const { state, reload } = useResource(() => findTarget(orgId, id), [orgId, id]);
  const target: EditTarget =
    state.status === 'error' ? { status: 'error', message: state.error.message } : state.status === 'loading' ? state : state.data;
  return { target, retry: reload };
}
