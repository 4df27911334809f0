// What the activity form works on: a team to publish for (?orgId=, with ?needId= the accepted need it serves, whose
// draft fills the form) or an activity to edit (?id=), loaded once.
import { getActivity } from '../../services/activity';
import { getOrg } from '../../services/org';
import { getNeed } from '../../services/need';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { draftFromNeed, takeNeedDraft, type NeedDraft } from '../../utils/need-draft';
import { formFromActivity, formFromNeedDraft, newActivityForm, type ActivityForm } from './helpers';

type Missing = { status: 'missing'; title: string; description: string };
type Ready = {
  status: 'ready';
  mode: 'publish' | 'edit';
  orgId: string;
  orgName: string;
  activityId: string;
  form: ActivityForm;
  /** The need the published activity serves (linked both ways by activity.publish). */
  needId?: string;
  needTitle?: string;
};
export type EditTarget = { status: 'loading' } | Missing | { status: 'error'; message: string } | Ready;

/** The draft of an accepted need: the one handed over by 接单, else built from the need (opened again later). */
async function needDraft(needId: string, orgId: string): Promise<NeedDraft | Missing> {
  const handed = takeNeedDraft(needId);
  if (handed && handed.orgId === orgId) return handed;
  const { need } = await getNeed(needId);
  if (need.status !== 'accepted' || need.assignedOrgId !== orgId)
    return { status: 'missing', title: '需求未由本队承接', description: '只有本队已接单的需求可以发布服务活动' };
  if (need.activityId) return { status: 'missing', title: '已发布服务活动', description: '该需求已关联服务活动，请在需求详情中查看' };
  return draftFromNeed(need, orgId);
}

/** What the parameters lead to: the form to fill in, or why there is none. */
async function findTarget(orgId: string, id: string, needId: string): Promise<Missing | Ready> {
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
      if (needId) {
        const draft = await needDraft(needId, orgId);
        if ('status' in draft) return draft;
        return {
          status: 'ready',
          mode: 'publish',
          orgId,
          orgName: data.org.name,
          activityId: '',
          form: formFromNeedDraft(draft),
          needId,
          needTitle: draft.title,
        };
      }
      return { status: 'ready', mode: 'publish', orgId, orgName: data.org.name, activityId: '', form: newActivityForm() };
    }
  } catch (e) {
    const err = toCloudError(e);
    if (err.code === 'ACTIVITY.NOT_FOUND') return missing('活动不存在', '该活动不存在或已被删除');
    if (err.code === 'ORG.NOT_FOUND') return missing('队伍不存在', '该队伍不存在或尚未通过审核');
    if (err.code === 'NEED.NOT_FOUND') return missing('需求不存在', '该需求不存在或无权查看');
    throw err;
  }
  return missing('未指定队伍', '请从“我的”→队伍管理进入发布活动');
}

export function useEditTarget(params: { orgId?: string; id?: string; needId?: string }): { target: EditTarget; retry: () => void } {
  const orgId = decodeURIComponent(params.orgId ?? '');
  const id = decodeURIComponent(params.id ?? '');
  const needId = decodeURIComponent(params.needId ?? '');
  const { state, reload } = useResource(() => findTarget(orgId, id, needId), [orgId, id, needId]);
  const target: EditTarget =
    state.status === 'error' ? { status: 'error', message: state.error.message } : state.status === 'loading' ? state : state.data;
  return { target, retry: reload };
}
