// 编辑资料: every profile field prefilled from `me()`, checked by the shared contract; only changed fields are sent.
// 真实姓名 (changed only through a reviewed path), 性别 and 出生日期 (the ID number's) are shown, never edited or sent.
import { useRef } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Empty } from '../../components/nutui/empty';
import { Skeleton } from '../../components/nutui/skeleton';
import { me, updateProfile } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import { GENDER_LABEL } from '@contract/enums';
import BasicSection from './components/basic-section';
import ServiceSection from './components/service-section';
import WithdrawSection from './components/withdraw-section';
import TextField from '../../components/text-field';
import { NATIONAL_VOLUNTEER_ID_LABEL } from '@contract/handoff';
import { EMPTY_PROFILE, PROFILE_SPEC, formFromVolunteer, validateProfile, type ProfileFieldKey, type ProfileForm } from './helpers';
import { useContractForm } from '../../hooks/use-contract-form';
import { routes, tabs } from '../../routes';
import './index.scss';

/** The error row of a form key (the three region keys share one). */
const rowOf = (k: keyof ProfileForm): ProfileFieldKey => (k === 'province' || k === 'city' || k === 'county' ? 'region' : k);

export default function ProfileEdit() {
  const {
    values: form,
    setValues: setForm,
    errors,
    banner,
    submitting: saving,
    patch,
    submit,
  } = useContractForm<ProfileForm, ProfileFieldKey>(PROFILE_SPEC, EMPTY_PROFILE, {
    rowsOf: rowOf,
    clearBannerOnEdit: true,
  });
  const original = useRef<ProfileForm | null>(null);
  const { state: load, reload: fetchMe } = useResource(() => me().then((r) => r.volunteer), [], {
    onData: (volunteer) => {
      original.current = formFromVolunteer(volunteer);
      setForm(formFromVolunteer(volunteer));
    },
  });

  const save = () => {
    if (!original.current) return;
    const before = original.current;
    return submit(
      () => validateProfile(form, before),
      async (input) => {
        await updateProfile(input);
        void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
        setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: tabs.mine })), 1000);
      },
    );
  };

  if (load.status === 'loading') {
    return (
      <View className='app-page profile-edit'>
        <View className='card profile-loading'>
          <Skeleton rows={6} animated />
        </View>
      </View>
    );
  }
  if (load.status === 'error') {
    return (
      <View className='app-page profile-edit'>
        <View className='card profile-error'>
          <Empty
            image={<View className='state-icon is-error'>!</View>}
            title='加载失败'
            description={load.status === 'error' ? load.error.message : ''}
            size='small'
          />
          <Button className='profile-retry' type='primary' block onClick={() => fetchMe()}>
            重试
          </Button>
        </View>
      </View>
    );
  }

  const volunteer = load.data;
  const goChangePhone = () => Taro.navigateTo({ url: routes.changePhone() });
  return (
    <View className='app-page register profile-edit'>
      <View className='reg-section'>
        <View className='reg-section__title'>账号信息</View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>真实姓名</Text>
          <Text className='profile-fixed__value profile-real-name'>{volunteer.realName}</Text>
          <Text className='profile-fixed__note'>如有错误请联系所在队伍</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>手机号</Text>
          <Text className='profile-fixed__value profile-phone'>{volunteer.phoneMasked}</Text>
          <Text className='profile-fixed__link profile-change-phone' onClick={goChangePhone}>
            更换
          </Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>身份证号</Text>
          <Text className='profile-fixed__value profile-id-number'>{volunteer.idNumberMasked}</Text>
          <Text className='profile-fixed__note'>不可修改</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>性别</Text>
          <Text className='profile-fixed__value profile-derived-gender'>{GENDER_LABEL[volunteer.gender]}</Text>
          <Text className='profile-fixed__note'>根据身份证号</Text>
        </View>
        <View className='profile-fixed'>
          <Text className='profile-fixed__label'>出生日期</Text>
          <Text className='profile-fixed__value profile-derived-birth-date'>{volunteer.birthDate}</Text>
          <Text className='profile-fixed__note'>根据身份证号</Text>
        </View>
        <TextField
          name='nationalVolunteerId'
          label={NATIONAL_VOLUNTEER_ID_LABEL}
          error={errors.nationalVolunteerId}
          className='field-input profile-national-id'
          maxlength={32}
          placeholder='选填，已在全国志愿服务信息系统注册的可填写'
          value={form.nationalVolunteerId}
          onChange={(nationalVolunteerId) => patch({ nationalVolunteerId })}
        />
      </View>
      <BasicSection form={form} errors={errors} onChange={patch} />
      <ServiceSection form={form} errors={errors} onChange={patch} />
      <View className='register__footer'>
        {banner ? <Text className='register__banner profile-banner'>{banner}</Text> : null}
        <Button className='profile-save' type='primary' block loading={saving} disabled={saving} onClick={save}>
          {saving ? '正在保存…' : '保存'}
        </Button>
        <WithdrawSection />
      </View>
    </View>
  );
}
