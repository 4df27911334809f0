// Section 2 of the activity form: where — region, the point volunteers check in around (GCJ-02), address, radius.
// weapp picks the point on WeChat's map (Taro.chooseLocation, GCJ-02), which also fills a region not chosen yet; h5 has no
// map picker, so the admin types it or takes the browser's position (使用我的位置, converted to GCJ-02 by device/location).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import RegionPicker from '../../../components/region-picker';
import { Button } from '../../../components/nutui/button';
import { MAX_RADIUS_M } from '@contract/activity';
import { regionFromAddress } from '../../../utils/region';
import { LOCATION_DENIED_MESSAGE, choosePlace, locate } from '../../../device/location';
import type { ActivityErrors, ActivityForm } from '../helpers';
import { useRegions } from '../../../hooks/use-regions';

type Props = { form: ActivityForm; errors: ActivityErrors; onChange: (patch: Partial<ActivityForm>) => void };

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function PlaceSection({ form, errors, onChange }: Props) {
  useRegions();
  const choose = async () => {
    try {
      const lat = Number(form.lat);
      const lng = Number(form.lng);
      const r = await choosePlace(form.lat && form.lng && !Number.isNaN(lat) && !Number.isNaN(lng) ? { lat, lng } : undefined);
      if (!r) return;
      // A region not chosen yet is taken from the picked place's address (甘肃省兰州市城关区…).
      const region = form.region.county ? undefined : regionFromAddress(r.address);
      onChange({ lat: String(r.lat), lng: String(r.lng), address: r.address || form.address, ...(region?.county ? { region } : {}) });
    } catch {
      void Taro.showToast({ title: '无法打开地图，请在设置中允许使用位置信息', icon: 'none', duration: 2500 });
    }
  };
  const picked = form.lat !== '' && form.lng !== '';
  const [locating, setLocating] = useState(false);
  const useMine = async () => {
    if (locating) return;
    setLocating(true);
    try {
      const fix = await locate({ precise: true });
      onChange({ lat: fix.lat.toFixed(6), lng: fix.lng.toFixed(6) });
    } catch {
      void Taro.showToast({ title: LOCATION_DENIED_MESSAGE, icon: 'none', duration: 2500 });
    } finally {
      setLocating(false);
    }
  };

  return (
    <View className='reg-section'>
      <View className='reg-section__title'>2 活动地点</View>
      <FormField name='region' label='所在地区' required error={errors.region} vertical>
        <RegionPicker name='act-edit-region' value={form.region} onChange={(region) => onChange({ region })} />
      </FormField>
      {isWeapp ? (
        <FormField name='location' label='签到位置' required error={errors.location}>
          <View className='act-edit__location'>
            <Text className={`act-edit__coords act-edit-coords${picked ? '' : ' is-empty'}`}>
              {picked ? `${Number(form.lat).toFixed(5)}, ${Number(form.lng).toFixed(5)}` : '未选择'}
            </Text>
            <Button className='act-edit-choose-location' size='small' type='primary' fill='outline' onClick={choose}>
              {picked ? '重新选择' : '选择位置'}
            </Button>
          </View>
        </FormField>
      ) : (
        <FormField
          name='location'
          label='坐标'
          required
          error={errors.location}
          hint='在活动现场点“使用我的位置”，或在高德、腾讯地图上拾取后填写，如 36.0577, 103.8342'
          vertical
        >
          <View className='act-edit__pair'>
            <Input
              className='field-input act-edit__half act-edit-lat'
              type='digit'
              placeholder='纬度'
              value={form.lat}
              onInput={(e) => onChange({ lat: e.detail.value })}
            />
            <Input
              className='field-input act-edit__half act-edit-lng'
              type='digit'
              placeholder='经度'
              value={form.lng}
              onInput={(e) => onChange({ lng: e.detail.value })}
            />
            <Button
              className='act-edit__mine act-edit-use-location'
              size='small'
              type='primary'
              fill='outline'
              loading={locating}
              disabled={locating}
              onClick={useMine}
            >
              使用我的位置
            </Button>
          </View>
        </FormField>
      )}
      <FormField name='address' label='活动地址' required error={errors.address}>
        <Input
          className='field-input act-edit-address'
          maxlength={100}
          placeholder={isWeapp ? '选择位置后自动填写，可修改' : '如：兰州市城关区东方红广场'}
          value={form.address}
          onInput={(e) => onChange({ address: e.detail.value })}
        />
      </FormField>
      <FormField
        name='radiusM'
        label='签到范围'
        required
        error={errors.radiusM}
        hint={`志愿者须在活动位置周边此范围内扫码，最大${MAX_RADIUS_M}米`}
      >
        <Input
          className='field-input act-edit-radius'
          type='number'
          maxlength={4}
          placeholder={`50-${MAX_RADIUS_M}`}
          value={form.radiusM}
          onInput={(e) => onChange({ radiusM: e.detail.value })}
        />
        <Text className='act-edit__unit'>米</Text>
      </FormField>
    </View>
  );
}
