// 添加到手机日历: WeChat writes the event into the phone's calendar (addPhoneCalendar, or addPhoneRepeatCalendar for
// one event a day), with an alarm before it. Only in WeChat: a browser has no phone calendar (Taro's h5 version
// downloads an .ics file in the browser's own zone), so pages hide the button there (`calendarAvailable`).
import Taro from '@tarojs/taro';
import { errMsgOf } from './errors';

export type CalendarEntry = {
  title: string;
  /** The (first) day's window. */
  startAt: Date;
  endAt: Date;
  /** Several days: the event repeats daily until this instant (the last day's end). */
  repeatDailyUntil?: Date;
  location: string;
  description: string;
  /** How long before each start the phone reminds. */
  alarmBeforeMinutes: number;
};

export type CalendarOutcome = 'added' | 'cancelled' | 'denied';

export const calendarAvailable = (): boolean => process.env.TARO_ENV === 'weapp';

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Adds the entry; answers whether it was added, the person closed the dialog, or WeChat has no calendar permission. */
export async function addToPhoneCalendar(e: CalendarEntry): Promise<CalendarOutcome> {
  const common = {
    title: e.title,
    startTime: seconds(e.startAt),
    // WeChat documents endTime as a string of unix seconds (startTime as a number); Taro's typings follow it.
    endTime: String(seconds(e.endAt)),
    location: e.location,
    description: e.description,
    alarm: true,
    alarmOffset: e.alarmBeforeMinutes * 60,
  };
  try {
    if (e.repeatDailyUntil)
      await Taro.addPhoneRepeatCalendar({ ...common, repeatInterval: 'day', repeatEndTime: seconds(e.repeatDailyUntil) });
    else await Taro.addPhoneCalendar(common);
    return 'added';
  } catch (err) {
    const msg = errMsgOf(err);
    if (/cancel/i.test(msg)) return 'cancelled';
    if (/auth|deny|denied|permission|authoriz/i.test(msg)) return 'denied';
    throw err;
  }
}
