// Consent to the privacy policy and the volunteer agreement (version CONSENT_VERSION), with both texts in a popup.
import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Checkbox } from '../../../components/nutui/checkbox';
import { Popup } from '../../../components/nutui/popup';

type Doc = 'privacy' | 'agreement';

const DOCS: Record<Doc, { title: string; paragraphs: string[] }> = {
  privacy: {
    title: '隐私政策',
    paragraphs: [
      '我们收集您的手机号、姓名、性别、身份证号、学历、工作单位、职称、所在地区、服务类别和专业特长，用于志愿者实名注册、队伍审核、活动组织和服务时长记录。',
      '身份证号仅用于核验身份与年龄，页面中只显示脱敏后的号码；签到时的位置信息仅用于判断您是否在活动现场。',
      '您的信息仅提供给您申请加入的志愿服务队伍及其上级组织，用于管理和统计，不会出售或用于其他用途。',
      '您可以在“我的”中查看和更新个人信息，或联系所在队伍申请注销。',
    ],
  },
  agreement: {
    title: '志愿者服务协议',
    paragraphs: [
      '本人自愿注册成为科技志愿者，遵守国家法律法规和志愿服务相关规定，服从所在队伍的管理。',
      '本人承诺所填信息真实准确，积极参加志愿服务活动，按时签到签退，不以志愿服务名义从事营利活动。',
      '本人将保护服务对象的隐私和合法权益，注意活动安全；服务时长以活动现场签到记录为准。',
      '注册科技志愿者须年满18周岁。',
    ],
  },
};

type Props = { checked: boolean; error?: string; onChange: (checked: boolean) => void };

export default function ConsentSection({ checked, error, onChange }: Props) {
  const [doc, setDoc] = useState<Doc | null>(null);
  const open = (d: Doc) => (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    setDoc(d);
  };

  return (
    <View className={`reg-consent-row form-field-consent${error ? ' is-error' : ''}`}>
      <View className='reg-consent-line'>
        <Checkbox className='reg-consent' checked={checked} onChange={onChange} />
        <Text className='reg-consent-text' onClick={() => onChange(!checked)}>
          我已阅读并同意
        </Text>
        <Text className='reg-consent-link reg-consent-privacy' onClick={open('privacy')}>
          《隐私政策》
        </Text>
        <Text className='reg-consent-text'>和</Text>
        <Text className='reg-consent-link reg-consent-agreement' onClick={open('agreement')}>
          《志愿者服务协议》
        </Text>
      </View>
      {error ? <Text className='form-field__error field-error field-error-consent'>{error}</Text> : null}
      <Popup
        visible={doc !== null}
        position='bottom'
        round
        closeable
        title={doc ? DOCS[doc].title : ''}
        onClose={() => setDoc(null)}
        className='reg-consent-popup'
      >
        <ScrollView scrollY className='reg-consent-doc'>
          {doc
            ? DOCS[doc].paragraphs.map((p, i) => (
                <Text key={i} className='reg-consent-doc__p'>
                  {p}
                </Text>
              ))
            : null}
        </ScrollView>
      </Popup>
    </View>
  );
}
