// 添加到手机日历 (WeChat only): the activity's first day (repeated daily for a multi-day one), reminding an hour
// before; says whether it worked, and how to allow the calendar when WeChat may not write to it.
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { Activity } from '@contract/activity';
import { addToPhoneCalendar, calendarAvailable } from '../../../device/calendar';
import { errMsgOf } from '../../../device/errors';
import { calendarEntryOf } from '../helpers';

async function add(a: Activity) {
  try {
    const outcome = await addToPhoneCalendar(calendarEntryOf(a));
    if (outcome === 'added') void Taro.showToast({ title: '已添加到手机日历，活动前1小时提醒', icon: 'none', duration: 2500 });
    if (outcome === 'denied') void Taro.showToast({ title: '请在设置中允许微信使用日历后重试', icon: 'none', duration: 2500 });
  } catch (e) {
    void Taro.showToast({ title: `添加失败：${errMsgOf(e)}`, icon: 'none', duration: 2500 });
  }
}

export default function CalendarButton({ activity }: { activity: Activity }) {
  if (!calendarAvailable()) return null;
  return (
    <Text className='act-detail__map act-add-calendar' onClick={() => void add(activity)}>
      添加到手机日历 ›
    </Text>
  );
}
