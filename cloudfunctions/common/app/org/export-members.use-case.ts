// org.exportMembers (导出名单): the members org.members lists with the same filters, all of them, as xlsx. Phones in
// full only for the leader and admins of the team itself (as 附件2 and 签到记录 give them); managers above see them masked.
import type { FileOutput, OrgExportMembersInput } from '@contract/org';
import { MEMBERSHIP_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import { formatDuration } from '@contract/format';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { contactsOf } from '../../db/org.repository';
import { creditedMinutesWithTeam } from '../../db/member-search.repository';
import { canManage } from '../../domain/org-access';
import { ACTIVE_MEMBER_DAYS } from '@contract/org';
import { yearOf } from '../../domain/member-filters';
import { chineseDate, exportFileName } from '../../domain/report-forms';
import { shanghaiDate } from '../../domain/shanghai-time';
import { memberListXlsx } from '../../adapters/member-list-xlsx';
import { requireReadableOrg } from '../access';
import { joinedAt } from './member-view';
import { findAllMembers } from './member-search';

/** People per read of names and minutes (each `_.in` stays small). */
const CHUNK = 100;

/** The filters in words, for the sheet's second line. */
function filterLine(f: OrgExportMembersInput): string {
  const parts = [
    f.status ? `状态：${MEMBERSHIP_STATUS_LABEL[f.status]}` : '',
    f.role ? `职务：${ROLE_LABEL[f.role]}` : '',
    f.joinedFrom || f.joinedTo ? `加入时间：${f.joinedFrom ?? '不限'} 至 ${f.joinedTo ?? '不限'}` : '',
    f.active90 ? `近${ACTIVE_MEMBER_DAYS}天活跃` : '',
    f.q ? `搜索：${f.q}` : '',
  ].filter(Boolean);
  return `筛选条件：${parts.length ? parts.join('；') : '全部成员'}`;
}

export async function exportMembers(input: OrgExportMembersInput, ctx: Ctx): Promise<FileOutput> {
  const { org, grants } = await requireReadableOrg(requireOpenid(ctx), input.orgId, '只有本队及上级队伍的负责人、管理员可以导出名单');
  const memberships = await findAllMembers(org._id, input, ctx.now);
  const year = yearOf(ctx.now);
  const fullPhones = canManage(grants, org);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < memberships.length; i += CHUNK) {
    const chunk = memberships.slice(i, i + CHUNK);
    const openids = chunk.map((m) => m.openid);
    const [people, minutes] = await Promise.all([contactsOf(openids), creditedMinutesWithTeam(org._id, openids, year)]);
    for (const m of chunk) {
      const p = people.get(m.openid);
      const served = minutes.get(m.openid) ?? 0;
      rows.push([
        p?.realName ?? '（未注册）',
        p?.phone ? (fullPhones ? p.phone : maskPhone(p.phone)) : '',
        ROLE_LABEL[m.role],
        MEMBERSHIP_STATUS_LABEL[m.status],
        shanghaiDate(joinedAt(m)),
        p?.volunteerNo ?? '',
        p?.nationalVolunteerId ?? '',
        served,
        formatDuration(served),
      ]);
    }
  }
  const today = shanghaiDate(ctx.now);
  const buf = await memberListXlsx({
    title: `${org.name} 成员名单`,
    lines: [
      filterLine(input),
      `共${rows.length}人    服务时长为${year.year}年在本队活动的时长    导出日期：${chineseDate(today)}${fullPhones ? '' : '    手机号已隐去中间四位'}`,
    ],
    rows,
  });
  return { fileName: exportFileName(['成员名单', org.name, today]), base64: buf.toString('base64') };
}
