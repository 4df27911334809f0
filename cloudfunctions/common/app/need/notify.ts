// Who hears of each step of a need: the 需求方 (needProgress) and the managers of a team (needTask), each in 消息中心
// and, where they subscribed, by subscribe message. A failed send is logged; the step it reports stands.
import { needPage } from '@contract/need';
import { tidyPunctuation } from '@contract/format';
import { messageSender } from '../../adapters';
import { teamManagerOpenids } from '../../db/team-managers.repository';
import type { NeedDoc } from '../../db/need.repository';
import { shanghaiDate } from '../../domain/shanghai-time';
import { sendEach } from '../send-each';

/** Tells the 需求方 where their need stands (`progress` ≤ 5 characters for the template). */
export async function tellRequester(n: NeedDoc, progress: string, note: string, at: Date): Promise<void> {
  await sendEach(
    [n.requesterOpenid],
    (openid) =>
      messageSender().send({
        openid,
        kind: 'needProgress',
        title: `您的需求“${n.title}”${progress}`,
        body: note,
        page: needPage(n._id),
        data: { title: n.title, progress, note, time: shanghaiDate(at) },
      }),
    'need',
  );
}

/** Tells a team's leader and admins what the need asks of them (not the one who just acted). */
export async function tellTeam(orgId: string, orgName: string, n: NeedDoc, task: string, at: Date, except?: string): Promise<void> {
  const managers = (await teamManagerOpenids(orgId)).filter((o) => o !== except);
  await sendEach(
    managers,
    (openid) =>
      messageSender().send({
        openid,
        kind: 'needTask',
        title: `${task}：${n.title}`,
        body: tidyPunctuation(`${orgName}：${task}。${n.requesterName ?? n.requesterKind}，${n.address}。`),
        page: needPage(n._id),
        data: { title: n.title, task, orgName, time: shanghaiDate(at) },
      }),
    'need',
  );
}
