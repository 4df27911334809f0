// types/report.ts: every service category of an activity is counted in exactly one row of 附件3, and every row is reachable.
import { SERVICE_CATEGORIES, SERVICE_FIELDS } from '@contract/enums';
import { STAT_CATEGORIES, STAT_CATEGORY_OF } from '@contract/report';

describe('STAT_CATEGORY_OF', () => {
  it('maps every service category to one row of 附件3', () => {
    expect(Object.keys(STAT_CATEGORY_OF).sort()).toEqual([...SERVICE_CATEGORIES].sort());
    for (const c of SERVICE_CATEGORIES) expect(STAT_CATEGORIES).toContain(STAT_CATEGORY_OF[c]);
  });

  it('reaches every row of 附件3 from some category', () => {
    expect(new Set(Object.values(STAT_CATEGORY_OF))).toEqual(new Set(STAT_CATEGORIES));
  });

  it('counts 科普讲解 as 科普报告, 科技咨询 as 技术咨询, 义诊咨询 as 医疗服务 and 网络科普 as 其他', () => {
    expect(STAT_CATEGORY_OF).toEqual({
      科技培训: '科技培训',
      科技咨询: '技术咨询',
      科普报告: '科普报告',
      农技服务: '农技服务',
      青少年科技教育: '青少年科技教育',
      科普讲解: '科普报告',
      网络科普: '其他',
      义诊咨询: '医疗服务',
      其他: '其他',
    });
  });
});

describe('the volunteer’s 服务领域', () => {
  it('is the list of 附件2 (科技志愿者集体注册信息表), apart from the activity categories', () => {
    expect(SERVICE_FIELDS).toEqual([
      '科技咨询类',
      '科技培训类',
      '科学教育类',
      '科普报告类',
      '农技服务类',
      '健康咨询类',
      '网络服务类',
      '文体娱乐类',
      '其他科技服务',
    ]);
  });
});
