// The team's registration facts (附件1): intro, contact, service categories, civil-affairs registration, supervisor, founding date.
import { Text, View } from '@tarojs/components';
import type { Org } from '@contract/org';

export default function OrgInfo({ org }: { org: Org }) {
  const rows: { label: string; value: string; cls: string }[] = [];
  if (org.contactName) rows.push({ label: '联系人', value: org.contactName, cls: 'org-contact-name' });
  if (org.contactPhone) rows.push({ label: '联系电话', value: org.contactPhone, cls: 'org-contact-phone' });
  if (org.supervisorType) rows.push({ label: '主管单位', value: org.supervisorType, cls: 'org-supervisor' });
  if (org.registeredWithCivilAffairs !== undefined) {
    rows.push({ label: '民政登记', value: org.registeredWithCivilAffairs ? '已在民政部门登记' : '未在民政部门登记', cls: 'org-civil' });
  }
  if (org.foundedAt) rows.push({ label: '成立日期', value: org.foundedAt, cls: 'org-founded' });

  return (
    <View className='card org-detail__section org-info'>
      <Text className='org-detail__section-title'>队伍简介</Text>
      <Text className='org-detail__intro org-intro'>{org.intro || '暂无简介'}</Text>
      {org.serviceCategories?.length ? (
        <View className='org-detail__tags org-categories'>
          {org.serviceCategories.map((c) => (
            <Text key={c} className='chip'>
              {c}
            </Text>
          ))}
        </View>
      ) : null}
      {rows.map((r) => (
        <View key={r.label} className='org-detail__row'>
          <Text className='org-detail__label'>{r.label}</Text>
          <Text className={`org-detail__value ${r.cls}`}>{r.value}</Text>
        </View>
      ))}
    </View>
  );
}
