// What 政策文件与链接 lists: the rules the seeds' notices cite, and the official sites a 科技志愿服务 account links to.

export type PolicyDoc = { title: string; issuer: string; note: string; site: string };
export type SiteLink = { name: string; url: string; note: string };

export const POLICY_DOCS: PolicyDoc[] = [
  {
    title: '志愿服务条例',
    issuer: '国务院令第685号',
    note: '志愿者、志愿服务组织的权利义务；安排志愿者参与可能危害人身安全的服务前应当告知风险（第十七条）。',
    site: 'https://www.gov.cn',
  },
  {
    title: '科技志愿服务管理办法（试行）',
    issuer: '中国科协 科协办函普字〔2019〕136号',
    note: '科技志愿者、科技志愿服务队伍的注册与管理，总队—支队—分队的组织体系，活动的发布与记录。',
    site: 'https://www.cast.org.cn',
  },
  {
    title: '志愿服务记录与证明出具办法（试行）',
    issuer: '民政部令第67号',
    note: '志愿服务记录应当真实、准确、完整；记录服务的组织免费、及时出具志愿服务证明。',
    site: 'https://chinavolunteer.mca.gov.cn',
  },
];

export const SITE_LINKS: SiteLink[] = [
  { name: '中国科协', url: 'https://www.cast.org.cn', note: '中国科学技术协会官方网站' },
  { name: '中国志愿服务网', url: 'https://chinavolunteer.mca.gov.cn', note: '全国志愿服务信息系统' },
  { name: '科普中国', url: 'https://www.kepuchina.cn', note: '中国科协科普信息化平台' },
  { name: '中国政府网', url: 'https://www.gov.cn', note: '法规文件查询' },
];
