// Generated sentences that take typed-in pieces (a 回顾's summary, a team's name, a need's address) never read "。。"
// or "，。": the shared punctuation tidy-up, and each generator that uses it.
import { tidyPunctuation } from '@contract/format';
import { CERTIFICATE_NOTE, certificateBody } from '../../../cloudfunctions/common/domain/report-certificate';
import { activityParagraph, highlightText, membersNote, teamLine } from '../../../cloudfunctions/common/domain/report-forms';

const DOUBLED = /[。，、；：！？][。，、；：！？]/;

describe('generated text has no doubled punctuation', () => {
  it('a run of marks keeps one: the full stop if there is one, else the first', () => {
    expect(tidyPunctuation('送科技下乡。。')).toBe('送科技下乡。');
    expect(tidyPunctuation('送科技下乡，。')).toBe('送科技下乡。');
    expect(tidyPunctuation('很好！。下一句')).toBe('很好！下一句');
    expect(tidyPunctuation('甲，；乙')).toBe('甲，乙');
    expect(tidyPunctuation('一句。另一句，再一句。')).toBe('一句。另一句，再一句。');
    expect(tidyPunctuation('（  ）次，')).toBe('（  ）次，');
  });

  it('亮点活动 with a summary that ends in its own full stop, and with none', () => {
    const base = {
      title: '农技服务下乡',
      startDate: '2026-05-10',
      endDate: '2026-05-11',
      address: '榆中县。',
      volunteerTimes: 3,
      minutes: 480,
      servedCount: 120,
      photoCount: 2,
    };
    const sentences = [
      highlightText([{ ...base, summary: '为农户讲解果树修剪技术。' }]),
      highlightText([{ ...base, summary: '为农户讲解果树修剪技术，' }]),
      highlightText([{ ...base, photoCount: 0, summary: '讲解果树修剪。' }]),
      highlightText([{ ...base, summary: undefined, photoCount: 0, servedCount: undefined }]),
      highlightText([]),
      teamLine({ orgName: '兰州市科技志愿服务支队。', ownMembers: 5, teams: 2, members: 7 }),
      membersNote({ members: 5, teams: 2, includeDescendants: true, to: '2026-10-31', today: '2026-11-23' }),
      activityParagraph({
        from: '2026-01-01',
        to: '2026-11-23',
        includeDescendants: true,
        activities: 3,
        byCategory: {},
        keyDayActivities: 1,
        keyGroupActivities: 0,
        volunteerTimes: 6,
        servedPeople: 200,
      }),
      certificateBody({
        realName: '张伟',
        idNumberMasked: '620102********0011',
        volunteerNo: 'KJ202600000001',
        orgName: '兰州市科技志愿服务支队，',
        from: '2026-01-01',
        to: '2026-11-23',
        minutes: 540,
      }),
      CERTIFICATE_NOTE,
    ];
    for (const s of sentences) expect(s).not.toMatch(DOUBLED);
    expect(sentences[0]).toContain('服务内容与效果：为农户讲解果树修剪技术（附照片2张）。');
    expect(sentences[2]).toMatch(/讲解果树修剪。$/);
  });

  it('the certificate cites the measures by their full title', () => {
    expect(CERTIFICATE_NOTE).toContain('《志愿服务记录与证明出具办法（试行）》');
  });
});
