// 表彰奖励's decision to whoever recorded it, in 消息中心 and, where subscribed, by subscribe message. A failed send is
// logged and never undoes the review.
import { messageSender } from '../../adapters';
import type { CommendationDoc } from '../../db/commendation.repository';
import { shanghaiDate } from '../../domain/shanghai-time';

export const COMMEND_PAGE = 'admin/commend/index';

export async function notifyCommendationReviewed(
  c: CommendationDoc,
  approved: boolean,
  reason: string | undefined,
  at: Date,
): Promise<void> {
  const result = approved ? '已通过' : '未通过';
  const body = approved
    ? `${c.subjectName}的“${c.title}”已由${c.reviewOrgName}审核通过`
    : `${c.subjectName}的“${c.title}”未通过${c.reviewOrgName}的审核：${reason ?? ''}`;
  try {
    await messageSender().send({
      openid: c.recordedBy,
      kind: 'commendationReviewed',
      title: `表彰奖励${result}`,
      body,
      page: COMMEND_PAGE,
      data: { title: c.title, result, reason: reason ?? '', time: shanghaiDate(at) },
    });
  } catch (err) {
    console.error(`[record] message commendationReviewed to ${c.recordedBy} not sent`, err);
  }
}
