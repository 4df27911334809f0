// Section 1 of 队伍注册: where the team sits (parent, a level below the parent's, region), its name and intro.
import { Input, Text, Textarea, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import OptionPicker from '../../../components/option-picker';
import RegionPicker from '../../../components/region-picker';
import { ORG_LEVELS } from '@contract/enums';
import { INTRO_MAX, NAME_EXAMPLE, levelOptions, suggestName, withParent, type OrgFieldErrors, type OrgForm } from '../helpers';
import ParentPicker from './parent-picker';
import { useRegions } from '../../../hooks/use-regions';

type Props = { form: OrgForm; errors: OrgFieldErrors; onChange: (patch: Partial<OrgForm>) => void };

export default function TeamSection({ form, errors, onChange }: Props) {
  useRegions();
  const suggestion = suggestName(form.region, form.level);
  const introLength = form.intro.trim().length;
  // Only the levels below the parent's are offered (总队 › 支队 › 大队 › 队 › 分队 › 服务团).
  const levels = levelOptions(form.parentLevel).map((l) => ({ value: l, text: l }));
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>1 队伍信息</View>
      <FormField name='parentId' label='上级队伍' required error={errors.parentId}>
        <ParentPicker value={{ id: form.parentId, name: form.parentName }} onChange={(o) => onChange(withParent(form, o))} />
      </FormField>
      <FormField name='level' label='队伍层级' required error={errors.level}>
        <OptionPicker
          className='orgreg-level'
          title='选择队伍层级'
          placeholder={form.parentLevel ? `低于上级队伍（${form.parentLevel}）的层级` : '总队、支队、大队、分队…'}
          options={levels}
          value={form.level}
          onChange={(v) => onChange({ level: ORG_LEVELS.find((l) => l === v) ?? '' })}
        />
      </FormField>
      <FormField name='region' label='所在地区' required error={errors.region} vertical>
        <RegionPicker name='orgreg-region' locate value={form.region} onChange={(region) => onChange({ region })} />
      </FormField>
      <FormField name='name' label='队伍名称' required error={errors.name} hint={`以“科技志愿服务+层级”结尾，${NAME_EXAMPLE}`} vertical>
        <Input
          className='field-input orgreg-name'
          maxlength={40}
          placeholder={NAME_EXAMPLE}
          value={form.name}
          onInput={(e) => onChange({ name: e.detail.value })}
        />
        {suggestion && suggestion !== form.name.trim() ? (
          <View className='orgreg-suggest'>
            <Text className='orgreg-suggest__text'>
              建议名称：<Text className='orgreg-suggest-name'>{suggestion}</Text>
            </Text>
            <Text className='orgreg-suggest__use orgreg-suggest-use' onClick={() => onChange({ name: suggestion })}>
              使用
            </Text>
          </View>
        ) : null}
      </FormField>
      <FormField name='intro' label='队伍简介' required error={errors.intro} vertical>
        <Textarea
          className='field-textarea orgreg-intro'
          maxlength={INTRO_MAX}
          placeholder='服务对象、服务内容和特色，100字以内'
          value={form.intro}
          onInput={(e) => onChange({ intro: e.detail.value })}
        />
        <Text className={`orgreg-counter orgreg-intro-count${introLength > INTRO_MAX ? ' is-over' : ''}`}>
          {introLength}/{INTRO_MAX}
        </Text>
      </FormField>
    </View>
  );
}
