// 首页's words (who is welcomed back, how far off the next activity is) and the 发布通知公告 form: what it sends and
// which row a problem is shown on.
import { countdownOf, greetingOf } from '../../../src/pages/index/helpers';
import { validateNoticeForm } from '../../../src/admin/notice-edit/helpers';
import { noticeBodyOf } from '@contract/notice';
import type { UserHomeOutput } from '@contract/home';

const home = (statuses: ('pending' | 'approved')[]): UserHomeOutput => ({
  volunteer: { realName: '陈静', volunteerNo: 'KJ202600000001', status: 'active' },
  today: [],
  next: null,
  memberships: statuses.map((status, i) => ({ orgId: `o${i}`, orgName: `队伍${i}`, status, role: 'member' })),
  todo: null,
  notices: [],
  unreadNotices: 0,
  recruiting: [],
  recruitingTotal: 0,
});

describe('首页', () => {
  it('welcomes back only a member of an approved team', () => {
    expect(greetingOf(home([]))).toBe('陈静，您好');
    expect(greetingOf(home(['pending']))).toBe('陈静，您好');
    expect(greetingOf(home(['pending', 'approved']))).toBe('陈静，欢迎回来');
  });

  it('counts days by date, across a month and a year', () => {
    expect(countdownOf('2026-12-01', '2026-12-01')).toBe('今天');
    expect(countdownOf('2026-12-01', '2026-12-02')).toBe('明天');
    expect(countdownOf('2026-12-01', '2026-12-03')).toBe('后天');
    expect(countdownOf('2026-12-30', '2027-01-02')).toBe('还有3天');
    expect(countdownOf('2026-11-30', '2026-12-31')).toBe('还有31天');
  });
});

describe('发布通知公告', () => {
  it('sends lines as paragraphs and addresses as images', () => {
    expect(noticeBodyOf('第一段\n\n  第二段  \n', ' https://a.org/1.png\nhttps://a.org/2.png ')).toEqual([
      { type: 'text', text: '第一段' },
      { type: 'text', text: '第二段' },
      { type: 'image', src: 'https://a.org/1.png' },
      { type: 'image', src: 'https://a.org/2.png' },
    ]);
  });

  it('shows each problem on its row and sends nothing', () => {
    const form = { title: '冬季科普活动通知', text: '请报送计划', images: '', pinned: true };
    expect(validateNoticeForm('lz', form)).toMatchObject({
      ok: true,
      input: { orgId: 'lz', pinned: true, body: [{ type: 'text', text: '请报送计划' }] },
    });
    expect(validateNoticeForm('lz', { ...form, title: '通' })).toMatchObject({ ok: false, errors: { title: expect.any(String) } });
    expect(validateNoticeForm('lz', { ...form, text: '' })).toMatchObject({ ok: false, errors: { text: expect.any(String) } });
    expect(validateNoticeForm('lz', { ...form, images: 'http://a.org/1.png' })).toMatchObject({
      ok: false,
      errors: { images: expect.stringContaining('https://') },
    });
    const ten = Array.from({ length: 10 }, (_, i) => `https://a.org/${i}.png`).join('\n');
    expect(validateNoticeForm('lz', { ...form, images: ten })).toMatchObject({ ok: false, errors: { images: expect.any(String) } });
  });
});
