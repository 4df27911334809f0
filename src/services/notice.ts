// 通知公告: what the caller's teams and the teams above them published, one notice (read on opening), publishing.
import { callFunction } from './cloud';
import type {
  OrgDeleteNoticeOutput,
  OrgNoticeOutput,
  OrgNoticesOutput,
  OrgPublishNoticeInput,
  OrgPublishNoticeOutput,
  OrgAddNoticeImageOutput,
} from '@contract/notice';
import type { PhotoType } from '@contract/photo';

export function myNotices(page = 1, pageSize = 20): Promise<OrgNoticesOutput> {
  return callFunction('org', 'notices', { page, pageSize });
}

/** Opening a notice marks it read for the caller (and its 消息中心 copy). */
export function openNotice(noticeId: string): Promise<OrgNoticeOutput> {
  return callFunction('org', 'notice', { noticeId });
}

export function publishNotice(input: OrgPublishNoticeInput): Promise<OrgPublishNoticeOutput> {
  return callFunction('org', 'publishNotice', input);
}

/** 置顶 / 取消置顶 (the publishing team's leader and admins). */
export function pinNotice(noticeId: string, pinned: boolean): Promise<OrgNoticeOutput> {
  return callFunction('org', 'pinNotice', { noticeId, pinned });
}

export function deleteNotice(noticeId: string): Promise<OrgDeleteNoticeOutput> {
  return callFunction('org', 'deleteNotice', { noticeId });
}

/** 添加图片 while writing a notice: the picture goes to cloud storage; its file id goes in an image block. */
export function addNoticeImage(orgId: string, photo: { contentType: PhotoType; base64: string }): Promise<OrgAddNoticeImageOutput> {
  return callFunction('org', 'addNoticeImage', { orgId, contentType: photo.contentType, dataBase64: photo.base64 });
}
