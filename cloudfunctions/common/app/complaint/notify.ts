// Who hears of a complaint: the complainant (complaintProgress: answered, moved up) and the handling team's leader and
// admins (complaintTask: a complaint to answer), each in 消息中心 and, where they subscribed, by subscribe message.
import { complaintInboxPage, myComplaintsPage } from '@contract/complaint';
import { messageSender } from '../../adapters';
import { teamManagerOpenids } from '../../db/team-managers.repository';
import type { ComplaintDoc } from '../../db/complaint.repository';
import { shanghaiDate } from '../../domain/shanghai-time';
import { sendEach } from '../send-each';

const matterOf = (c: ComplaintDoc) => `对${c.activityTitle ? `活动“${c.activityTitle}”` : c.targetOrgName}的投诉`;

/** Tells the complainant where their complaint stands (`progress` ≤ 5 characters for the template). */
export async function tellComplainant(c: ComplaintDoc, progress: string, note: string, at: Date): Promise<void> {
  const matter = matterOf(c);
  await sendEach(
    [c.complainantOpenid],
    (openid) =>
      messageSender().send({
        openid,
        kind: 'complaintProgress',
        title: `您${matter}${progress}`,
        body: note,
        page: myComplaintsPage(c._id),
        data: { matter, progress, note, time: shanghaiDate(at) },
      }),
    'complaint',
  );
}

/** Tells the handling team's leader and admins what the complaint asks of them. Never the team complained about. */
export async function tellHandler(orgId: string, orgName: string, c: ComplaintDoc, task: string, at: Date): Promise<void> {
  const matter = matterOf(c);
  await sendEach(
    await teamManagerOpenids(orgId),
    (openid) =>
      messageSender().send({
        openid,
        kind: 'complaintTask',
        title: `${task}：${matter}`,
        body: `${orgName}：${task}（${c.category}）。`,
        page: complaintInboxPage(),
        data: { matter, task, orgName, time: shanghaiDate(at) },
      }),
    'complaint',
  );
}
