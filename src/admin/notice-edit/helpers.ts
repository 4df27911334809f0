// The 发布通知公告 form: its rows, their words, and the contract check of what will be sent.
import { OrgPublishNoticeInput, noticeBodyOf, NOTICE_TITLE_MAX, NOTICE_IMAGES_MAX } from '@contract/notice';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';

export type NoticeFieldKey = 'title' | 'text' | 'images';
export interface NoticeForm {
  title: string;
  /** Paragraphs, one a line. */
  text: string;
  /** Image addresses (https or a cloud file id), one a line. */
  images: string;
  pinned: boolean;
}
export const EMPTY_NOTICE_FORM: NoticeForm = { title: '', text: '', images: '', pinned: false };

export const NOTICE_SPEC: FormSpec<NoticeFieldKey> = {
  order: ['title', 'text', 'images'],
  // body[i].text is a paragraph, body[i].src an image, body.images the number of images; the rest of body is the text.
  fieldOf: (path) =>
    path[0] === 'title' ? 'title' : path[0] === 'body' ? (path[1] === 'images' || path[2] === 'src' ? 'images' : 'text') : undefined,
  hints: {
    title: `请填写标题，2–${NOTICE_TITLE_MAX}个字`,
    text: '请填写通知内容',
    images: `图片须为添加的图片或以https://开头的地址，每行一个，最多${NOTICE_IMAGES_MAX}张`,
  },
  hintWhen: (field) => field === 'images',
  keepGeneric: true,
  codes: { 'AUTH.FORBIDDEN': { banner: true }, 'ORG.NOT_FOUND': { banner: true } },
};

export const validateNoticeForm = (orgId: string, form: NoticeForm): Checked<OrgPublishNoticeInput, NoticeFieldKey> =>
  checkForm(NOTICE_SPEC, OrgPublishNoticeInput, {
    orgId,
    title: form.title,
    body: noticeBodyOf(form.text, form.images),
    pinned: form.pinned,
  });
