// The wording of 附件3 with the numbers in its brackets, dates as people write them, region and file names.
import {
  activityParagraph,
  chineseDate,
  chineseSpan,
  exportFileName,
  highlightText,
  regionName,
  shortSpan,
  teamLine,
} from '../../../cloudfunctions/common/domain/report-forms';

describe('report-forms', () => {
  it('dates and spans as people write them', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseSpan('2026-12-01', '2026-12-01')).toBe('2026年12月1日');
    expect(chineseSpan('2026-12-01', '2026-12-02')).toBe('2026年12月1日至2026年12月2日');
    expect(shortSpan('2026-12-01', '2026-12-02')).toBe('2026年12月1日至12月2日');
    expect(shortSpan('2025-12-31', '2026-01-01')).toBe('2025年12月31日至2026年1月1日');
    expect(shortSpan('2026-12-01', '2026-12-01')).toBe('2026年12月1日');
  });

  it('附件3: the team line and the activity paragraph carry every figure in its bracket', () => {
    expect(teamLine({ orgName: '兰州市科技志愿服务支队', ownMembers: 12, teams: 3, members: 40 })).toBe(
      '已建立（12）人的科技志愿支队：兰州市科技志愿服务支队。\n本级及下级已建立（3）支科技志愿者队，人数（40）人。',
    );
    const text = activityParagraph({
      from: '2026-01-01',
      to: '2026-11-23',
      includeDescendants: true,
      activities: 7,
      byCategory: { 科普报告: 2, 科技培训: 1, 技术咨询: 0, 农技服务: 1, 医疗服务: 1, 青少年科技教育: 1, 其他: 1 },
      keyDayActivities: 2,
      keyGroupActivities: 3,
      volunteerTimes: 45,
      servedPeople: 800,
    });
    expect(text).toContain('2026年（1）月以来（统计至2026年11月23日），共组织科技志愿服务活动（7）次（含下级志愿者队伍的数据，下同）');
    expect(text).toContain(
      '其中科普报告（2）次、科技培训（1）次、技术咨询（0）次、农技服务（1）次、医疗服务（1）次、青少年科技教育（1）次、其他（1）次。',
    );
    expect(text).toContain('结合全国科普日等重点活动开展服务（2）次');
    expect(text).toContain('结合农村妇女、青少年等重点人群开展服务（3）次');
    expect(text).toContain('参与服务的专家有（45）人次，接受服务的群众有（800）人次。');
  });

  it('亮点活动: name, dates, place, numbers and summary; a plain line when there is none', () => {
    const text = highlightText([
      {
        title: '全国科普日科普讲座',
        startDate: '2026-09-20',
        endDate: '2026-09-20',
        address: '兰州市科技馆',
        volunteerTimes: 12,
        minutes: 1500,
        servedCount: 300,
        summary: '讲解防灾减灾知识',
      },
      {
        title: '农技下乡',
        startDate: '2026-05-10',
        endDate: '2026-05-11',
        address: '榆中县',
        orgName: '城关区科技志愿服务队',
        volunteerTimes: 3,
        minutes: 90,
      },
    ]);
    expect(text).toContain(
      '1. 全国科普日科普讲座：2026年9月20日，兰州市科技馆；参与服务专家12人次，累计服务25小时，受众300人次；服务内容与效果：讲解防灾减灾知识。',
    );
    expect(text).toContain(
      '2. 农技下乡（城关区科技志愿服务队）：2026年5月10日至2026年5月11日，榆中县；参与服务专家3人次，累计服务1小时30分钟，受众人数未填报。',
    );
    expect(highlightText([])).toContain('本期暂无');
  });

  it('亮点活动 names how many photos the 回顾 holds, with or without a summary', () => {
    const base = {
      title: '科普讲座',
      startDate: '2026-09-20',
      endDate: '2026-09-20',
      address: '兰州市科技馆',
      volunteerTimes: 1,
      minutes: 60,
      servedCount: 30,
    };
    expect(highlightText([{ ...base, summary: '讲解防灾减灾知识', photoCount: 3 }])).toContain(
      '受众30人次；服务内容与效果：讲解防灾减灾知识（附照片3张）。',
    );
    expect(highlightText([{ ...base, photoCount: 2 }])).toContain('受众30人次；（附照片2张）。');
    expect(highlightText([{ ...base, summary: '讲解', photoCount: 0 }])).toContain('服务内容与效果：讲解。');
  });

  it('region names and file names', () => {
    expect(regionName({ province: '620000', city: '620100', county: '620102' })).toBe('甘肃省 兰州市 城关区');
    expect(exportFileName(['附件3', '兰州市科技志愿服务支队', '2026-11-23'])).toBe('附件3_兰州市科技志愿服务支队_2026-11-23.xlsx');
    expect(exportFileName(['签到记录', 'a/b: c?', '2026-11-23'])).toBe('签到记录_abc_2026-11-23.xlsx');
  });
});
