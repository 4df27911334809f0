// Against SMS pumping: at most 3 phones per WeChat user an hour (resends to those still allowed), and the Shanghai day of the ceiling.
import {
  SMS_PHONES_PER_CALLER_PER_HOUR,
  callerLimitMessage,
  decideCallerSend,
  smsDay,
} from '../../../cloudfunctions/common/domain/sms-send-quota';

const MIN = 60_000;
const T0 = Date.parse('2026-11-22T02:00:00Z');
const sends = (...pairs: [string, number][]) => pairs.map(([phone, m]) => ({ phone, at: T0 + m * MIN }));

describe('decideCallerSend', () => {
  it('is 3 phones an hour', () => {
    expect(SMS_PHONES_PER_CALLER_PER_HOUR).toBe(3);
  });
  it('allows new phones up to the limit and records each once, with its latest send', () => {
    expect(decideCallerSend([], 'a', T0)).toEqual({ ok: true, keep: [{ phone: 'a', at: T0 }] });
    expect(decideCallerSend(sends(['a', 0], ['b', 5]), 'c', T0 + 10 * MIN)).toEqual({
      ok: true,
      keep: sends(['a', 0], ['b', 5], ['c', 10]),
    });
    expect(decideCallerSend(sends(['a', 0], ['a', 2]), 'a', T0 + 3 * MIN)).toEqual({ ok: true, keep: sends(['a', 3]) });
  });
  it('refuses a 4th phone until the first one reached has had an hour without a send', () => {
    const three = sends(['a', 0], ['b', 10], ['c', 20]);
    expect(decideCallerSend(three, 'd', T0 + 30 * MIN)).toEqual({ ok: false, retryAfterSec: 30 * 60 });
    expect(decideCallerSend(three, 'd', T0 + 60 * MIN - 1000)).toEqual({ ok: false, retryAfterSec: 1 });
    // Exactly an hour after a's send it has left the window.
    expect(decideCallerSend(three, 'd', T0 + 60 * MIN)).toEqual({ ok: true, keep: sends(['b', 10], ['c', 20], ['d', 60]) });
  });
  it('a resend to a phone already reached is never refused here (the per-phone rules judge it)', () => {
    expect(decideCallerSend(sends(['a', 0], ['b', 10], ['c', 20]), 'b', T0 + 30 * MIN).ok).toBe(true);
  });
  it('says the wait in whole minutes', () => {
    expect(callerLimitMessage(1800)).toBe('您在1小时内已向3个手机号发送验证码，请30分钟后再试');
    expect(callerLimitMessage(5)).toBe('您在1小时内已向3个手机号发送验证码，请1分钟后再试');
  });
});

describe('smsDay', () => {
  it('counts by the Asia/Shanghai day: 15:59:59Z is still today, 16:00:00Z is tomorrow', () => {
    expect(smsDay(Date.parse('2026-11-22T15:59:59Z'))).toEqual({ day: '2026-11-22', secondsLeft: 1 });
    expect(smsDay(Date.parse('2026-11-22T16:00:00Z'))).toEqual({ day: '2026-11-23', secondsLeft: 24 * 3600 });
    expect(smsDay(Date.parse('2026-11-22T15:00:00Z'))).toEqual({ day: '2026-11-22', secondsLeft: 3600 });
  });
});
