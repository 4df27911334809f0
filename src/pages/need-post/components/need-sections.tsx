// The sections of 我要点单 above the contact: who asks (a kind as chips, the unit's name unless 个人), what help,
// where (region, address and, on weapp, a point on WeChat's map) and when (the preferred days).
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import TextField from '../../../components/text-field';
import OptionPicker from '../../../components/option-picker';
import RegionPicker from '../../../components/region-picker';
import DateTimeInput from '../../../components/date-time-input';
import { Button } from '../../../components/nutui/button';
import { choosePlace } from '../../../device/location';
import { NEED_DESCRIPTION_MAX, NEED_TITLE_MAX, REQUESTER_KINDS } from '@contract/need';
import { SERVICE_CATEGORIES } from '@contract/enums';
import type { NeedErrors, NeedForm } from '../helpers';

type Props = { form: NeedForm; errors: NeedErrors; onChange: (patch: Partial<NeedForm>) => void };

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, text: c }));
const isWeapp = process.env.TARO_ENV === 'weapp';

export function RequesterSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>1 需求方</View>
      <FormField name='requesterKind' label='需求方类型' required error={errors.requesterKind} vertical>
        <View className='need-post__kinds'>
          {REQUESTER_KINDS.map((k, i) => (
            <Text
              key={k}
              className={`need-post__kind need-post-kind need-post-kind-${i}${form.requesterKind === k ? ' is-active' : ''}`}
              onClick={() => onChange({ requesterKind: k })}
            >
              {k}
            </Text>
          ))}
        </View>
      </FormField>
      {form.requesterKind === '个人' ? null : (
        <TextField
          name='requesterName'
          label='单位名称'
          required
          error={errors.requesterName}
          className='field-input need-post-unit'
          maxlength={40}
          placeholder='如：东岗街道东岗社区'
          value={form.requesterName}
          onChange={(requesterName) => onChange({ requesterName })}
        />
      )}
    </View>
  );
}

export function WhatSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>2 需要什么服务</View>
      <FormField name='category' label='服务类别' required error={errors.category}>
        <OptionPicker
          className='need-post-category'
          title='服务类别'
          placeholder='请选择'
          options={CATEGORY_OPTIONS}
          value={form.category}
          onChange={(v) => onChange({ category: SERVICE_CATEGORIES.find((c) => c === v) ?? '' })}
        />
      </FormField>
      <TextField
        name='title'
        label='需求标题'
        required
        error={errors.title}
        className='field-input need-post-title'
        maxlength={NEED_TITLE_MAX}
        placeholder='如：老年人防诈骗科普讲座'
        value={form.title}
        onChange={(title) => onChange({ title })}
      />
      <FormField name='description' label='需求描述' required error={errors.description} vertical>
        <Textarea
          className='field-textarea need-post__textarea need-post-description'
          maxlength={NEED_DESCRIPTION_MAX}
          placeholder='想请志愿者做什么、服务对象是谁、有什么具体要求'
          value={form.description}
          onInput={(e) => onChange({ description: e.detail.value })}
        />
        <Text className='need-post__counter'>
          {form.description.trim().length}/{NEED_DESCRIPTION_MAX}
        </Text>
      </FormField>
      <TextField
        name='audienceSize'
        label='预计受众'
        required
        error={errors.audienceSize}
        className='field-input need-post-audience'
        type='number'
        maxlength={6}
        placeholder='人数'
        value={form.audienceSize}
        onChange={(audienceSize) => onChange({ audienceSize })}
      >
        <Text className='need-post__unit'>人</Text>
      </TextField>
    </View>
  );
}

export function WhereSection({ form, errors, onChange }: Props) {
  const choose = async () => {
    try {
      const r = await choosePlace(form.lat && form.lng ? { lat: Number(form.lat), lng: Number(form.lng) } : undefined);
      if (r) onChange({ lat: String(r.lat), lng: String(r.lng), address: r.address || form.address });
    } catch {
      void Taro.showToast({ title: '无法打开地图，请在设置中允许使用位置信息', icon: 'none', duration: 2500 });
    }
  };
  const picked = form.lat !== '' && form.lng !== '';
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>3 服务地点</View>
      <FormField name='region' label='所在地区' required error={errors.region} vertical>
        <RegionPicker name='need-post-region' value={form.region} onChange={(region) => onChange({ region })} />
      </FormField>
      <TextField
        name='address'
        label='详细地址'
        required
        error={errors.address}
        className='field-input need-post-address'
        maxlength={100}
        placeholder='如：东岗西路1号社区活动室'
        value={form.address}
        onChange={(address) => onChange({ address })}
      />
      {isWeapp ? (
        <FormField name='location' label='地图位置' error={errors.location} hint='选填，便于志愿者找到地点'>
          <View className='need-post__location'>
            <Text className={`need-post__coords need-post-coords${picked ? '' : ' is-empty'}`}>{picked ? '已选择' : '未选择'}</Text>
            <Button className='need-post-choose-location' size='small' type='primary' fill='outline' onClick={choose}>
              {picked ? '重新选择' : '在地图上选择'}
            </Button>
            {picked ? (
              <Text className='need-post__clear need-post-clear-location' onClick={() => onChange({ lat: '', lng: '' })}>
                清除
              </Text>
            ) : null}
          </View>
        </FormField>
      ) : null}
    </View>
  );
}

export function WhenSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>4 期望服务时间</View>
      <FormField name='preferredFrom' label='最早日期' required error={errors.preferredFrom}>
        <DateTimeInput
          className='need-post-from'
          mode='date'
          placeholder='请选择'
          value={form.preferredFrom}
          onChange={(preferredFrom) => onChange({ preferredFrom })}
        />
      </FormField>
      <FormField name='preferredTo' label='最晚日期' required error={errors.preferredTo} hint='在这段时间内安排服务均可'>
        <DateTimeInput
          className='need-post-to'
          mode='date'
          placeholder='请选择'
          value={form.preferredTo}
          onChange={(preferredTo) => onChange({ preferredTo })}
        />
      </FormField>
    </View>
  );
}
