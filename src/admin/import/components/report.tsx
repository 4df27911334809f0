// The 集体注册 report: the team the rows went into, then the people created and invited by the name and masked phone
// the file gave, then each failed row with all its problems.
// Test classes: import-report, import-report-org, import-created, import-invited, import-failed (the counts),
// import-created-row, import-invited-row, import-failed-row, import-all-ok.
import { Text, View } from '@tarojs/components';
import type { OrgImportVolunteersOutput } from '@contract/org';

type Row = OrgImportVolunteersOutput['rows'][number];

function People({ title, rows, className }: { title: string; rows: Row[]; className: string }) {
  if (rows.length === 0) return null;
  return (
    <View className='import__people'>
      <Text className='import__section-title'>{title}</Text>
      {rows.map((r) => (
        <View key={r.row} className={`import__row ${className}`}>
          <Text className='import__row-no'>第 {r.row} 行</Text>
          <Text className='import__row-name'>{r.name || '（未填姓名）'}</Text>
          <Text className='import__row-phone'>{r.phoneMasked ?? ''}</Text>
        </View>
      ))}
    </View>
  );
}

export default function Report({ fileName, report }: { fileName: string; report: OrgImportVolunteersOutput }) {
  const created = report.rows.filter((r) => r.ok && r.outcome === 'created');
  const invited = report.rows.filter((r) => r.ok && r.outcome === 'invited');
  const failed = report.rows.filter((r) => !r.ok);
  return (
    <View className='card import-report'>
      <Text className='import__title'>导入结果 · {fileName}</Text>
      <Text className='import__muted import-report-org'>导入队伍：{report.orgName}</Text>
      <View className='import__counts'>
        <Text className='import__count import-created'>新建邀请 {report.created} 人</Text>
        <Text className='import__count import-invited'>已注册邀请 {report.invited} 人</Text>
        <Text className='import__count import-failed'>失败 {failed.length} 行</Text>
      </View>
      {failed.length === 0 ? <Text className='import__muted import-all-ok'>全部导入成功</Text> : null}
      <People title='新建邀请：本人首次打开小程序验证手机号后加入' rows={created} className='import-created-row' />
      <People title='已是注册志愿者：已发出入队邀请，本人确认后加入' rows={invited} className='import-invited-row' />
      {failed.length > 0 ? <Text className='import__section-title'>未导入</Text> : null}
      {failed.map((r) => (
        <View key={r.row} className='import__row import-failed-row'>
          <Text className='import__row-no'>第 {r.row} 行</Text>
          <Text className='import__row-name'>{r.name || '（未填姓名）'}</Text>
          <Text className='import__row-message'>{r.message || r.code || '导入失败'}</Text>
        </View>
      ))}
    </View>
  );
}
