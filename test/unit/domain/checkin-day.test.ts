// Day-record rules: the scan window and its edges, the Asia/Shanghai day of a scan, credited minutes, which scan counts,
// which sign-out asks first, when a volunteer may undo their own sign-out, and which days count as 服务日.
import {
  applyScan,
  canUndoSignOut,
  capBinds,
  checkScanTime,
  creditedMinutes,
  dayRecordId,
  isServiceDay,
  scanWindow,
  serviceDayCount,
  shortSignOut,
} from '../../../cloudfunctions/common/domain/checkin-day';

/** 2026-12-01 and 2026-12-02, 09:00–17:00 Asia/Shanghai (01:00–09:00Z), 8 h cap. */
const TWO_DAYS = { startDate: '2026-12-01', endDate: '2026-12-02', dailyStart: '09:00', dailyEnd: '17:00', dailyCapMinutes: 480 };
const sh = (date: string, time: string) => new Date(`${date}T${time}+08:00`);
const D1 = '2026-12-01';

describe('scanWindow', () => {
  it('opens 60 min before the start, closes sign-in at the end and sign-out 180 min after it', () => {
    expect(scanWindow(TWO_DAYS, D1)).toEqual({
      date: D1,
      dayStart: new Date('2026-12-01T01:00:00Z'),
      dayEnd: new Date('2026-12-01T09:00:00Z'),
      opensAt: new Date('2026-12-01T00:00:00Z'),
      signInUntil: new Date('2026-12-01T09:00:00Z'),
      signOutUntil: new Date('2026-12-01T12:00:00Z'),
    });
  });
  it('has no window on a day outside the activity', () => {
    expect(scanWindow(TWO_DAYS, '2026-11-30')).toBeUndefined();
    expect(scanWindow(TWO_DAYS, '2026-12-03')).toBeUndefined();
    expect(scanWindow(TWO_DAYS, '2026-12-02')).toBeDefined();
  });
});

describe('checkScanTime', () => {
  const refused = (date: string) => ({ ok: false, reason: 'OUTSIDE_WINDOW', date });
  it('accepts a sign-in exactly 60 min before the start and refuses one 61 min before', () => {
    expect(checkScanTime(TWO_DAYS, 'in', sh(D1, '08:00:00'))).toEqual({ ok: true, date: D1 });
    expect(checkScanTime(TWO_DAYS, 'in', sh(D1, '07:59:00'))).toEqual(refused(D1));
    expect(checkScanTime(TWO_DAYS, 'in', sh(D1, '07:59:59.999'))).toEqual(refused(D1));
  });
  it('accepts a sign-in until the day ends, not after', () => {
    expect(checkScanTime(TWO_DAYS, 'in', sh(D1, '17:00:00'))).toEqual({ ok: true, date: D1 });
    expect(checkScanTime(TWO_DAYS, 'in', sh(D1, '17:00:01'))).toEqual(refused(D1));
  });
  it('accepts a sign-out exactly 180 min after the end and refuses one 181 min after', () => {
    expect(checkScanTime(TWO_DAYS, 'out', sh(D1, '20:00:00'))).toEqual({ ok: true, date: D1 });
    expect(checkScanTime(TWO_DAYS, 'out', sh(D1, '20:01:00'))).toEqual(refused(D1));
  });
  it('accepts a sign-out from 60 min before the start', () => {
    expect(checkScanTime(TWO_DAYS, 'out', sh(D1, '08:00:00'))).toEqual({ ok: true, date: D1 });
    expect(checkScanTime(TWO_DAYS, 'out', sh(D1, '07:59:00'))).toEqual(refused(D1));
  });
  it('refuses days before the first and after the last day, naming the day', () => {
    expect(checkScanTime(TWO_DAYS, 'in', sh('2026-11-30', '10:00:00'))).toEqual(refused('2026-11-30'));
    expect(checkScanTime(TWO_DAYS, 'in', sh('2026-12-02', '10:00:00'))).toEqual({ ok: true, date: '2026-12-02' });
    expect(checkScanTime(TWO_DAYS, 'out', sh('2026-12-03', '10:00:00'))).toEqual(refused('2026-12-03'));
  });

  describe('the day of a scan is its Asia/Shanghai date', () => {
    // 01:00–21:00 daily: scans open at 00:00 and sign-out closes at 24:00 Shanghai, i.e. 16:00Z.
    const LATE = { ...TWO_DAYS, dailyStart: '01:00', dailyEnd: '21:00' };
    it('15:59:59Z is still the first day, 16:00:00Z is the second', () => {
      expect(checkScanTime(LATE, 'out', new Date('2026-12-01T15:59:59Z'))).toEqual({ ok: true, date: '2026-12-01' });
      expect(checkScanTime(LATE, 'out', new Date('2026-12-01T16:00:00Z'))).toEqual({ ok: true, date: '2026-12-02' });
      expect(checkScanTime(LATE, 'in', new Date('2026-12-01T16:00:00Z'))).toEqual({ ok: true, date: '2026-12-02' });
      expect(checkScanTime(LATE, 'in', new Date('2026-12-01T15:59:59Z'))).toEqual(refused('2026-12-01'));
    });
    it('after the last day, midnight (the inclusive end of its sign-out window) is the last instant, then no window', () => {
      expect(checkScanTime(LATE, 'out', new Date('2026-12-02T15:59:59Z'))).toEqual({ ok: true, date: '2026-12-02' });
      expect(checkScanTime(LATE, 'out', new Date('2026-12-02T16:00:00Z'))).toEqual({ ok: true, date: '2026-12-02' });
      expect(checkScanTime(LATE, 'out', new Date('2026-12-02T16:00:01Z'))).toEqual(refused('2026-12-03'));
    });
  });

  describe('a sign-out after midnight within the 180 minutes belongs to the day of its sign-in', () => {
    const EVENING = { ...TWO_DAYS, dailyStart: '18:00', dailyEnd: '22:30' }; // 22:30 + 180 min = 01:30 the next day
    it('a day ending 22:30 takes sign-outs until 01:30, dated the day before; not a minute later', () => {
      expect(checkScanTime(EVENING, 'out', sh(D1, '23:59:00'))).toEqual({ ok: true, date: D1 });
      expect(checkScanTime(EVENING, 'out', sh('2026-12-02', '00:30:00'))).toEqual({ ok: true, date: D1 });
      expect(checkScanTime(EVENING, 'out', sh('2026-12-02', '01:30:00'))).toEqual({ ok: true, date: D1 });
      expect(checkScanTime(EVENING, 'out', sh('2026-12-02', '01:30:01'))).toEqual(refused('2026-12-02'));
      // The last day too: its night runs into a date that is not one of the activity's days.
      expect(checkScanTime(EVENING, 'out', sh('2026-12-03', '00:45:00'))).toEqual({ ok: true, date: '2026-12-02' });
    });
    it('a sign-in after midnight is not carried back', () => {
      expect(checkScanTime(EVENING, 'in', sh('2026-12-02', '00:30:00'))).toEqual(refused('2026-12-02'));
    });
    it('the night’s minutes are those of the evening window', () => {
      expect(creditedMinutes({ ...EVENING, dailyCapMinutes: 480 }, D1, sh(D1, '18:00:00'), sh('2026-12-02', '00:30:00'))).toBe(270);
    });
  });
});

describe('creditedMinutes', () => {
  it('credits the whole day', () => {
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:00:00'), sh(D1, '17:00:00'))).toBe(480);
  });
  it('caps a 13-hour presence at the daily cap', () => {
    const LONG = { ...TWO_DAYS, dailyStart: '07:00', dailyEnd: '20:00' };
    expect(creditedMinutes(LONG, D1, sh(D1, '07:00:00'), sh(D1, '20:00:00'))).toBe(480);
    expect(creditedMinutes({ ...LONG, dailyCapMinutes: 720 }, D1, sh(D1, '07:00:00'), sh(D1, '20:00:00'))).toBe(720);
    expect(creditedMinutes({ ...LONG, dailyCapMinutes: 720 }, D1, sh(D1, '07:00:00'), sh(D1, '18:00:00'))).toBe(660);
  });
  it('credits from the start when signing in before it, and up to the end when signing out after it', () => {
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '08:10:00'), sh(D1, '10:00:00'))).toBe(60);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '16:00:00'), sh(D1, '19:30:00'))).toBe(60);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '06:00:00'), sh(D1, '22:00:00'))).toBe(480);
  });
  it('cuts both times to the whole minute first, as every screen shows them (product decision, API.md)', () => {
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:00:00'), sh(D1, '09:45:59'))).toBe(45);
    // 09:00:30–09:46:00 reads 09:00–09:46 on screen: 46 minutes, not the 45.5 rounded down.
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:00:30'), sh(D1, '09:46:00'))).toBe(46);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:00:00'), sh(D1, '09:00:59'))).toBe(0);
    // A sign-in milliseconds after the minute (08:00:00.002) and a sign-out at 16:00 credit the 480 the screen shows.
    expect(creditedMinutes(TWO_DAYS, D1, new Date(sh(D1, '09:00:00').getTime() + 2), sh(D1, '17:00:00'))).toBe(480);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:29:59.500'), sh(D1, '11:30:00.900'))).toBe(121);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:30:01.200'), sh(D1, '11:30:00.900'))).toBe(120);
  });
  it('credits nothing without a sign-out, for a sign-out not after the sign-in, or outside the service hours', () => {
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '09:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, D1, undefined, sh(D1, '10:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '10:00:00'), sh(D1, '10:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '11:00:00'), sh(D1, '10:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '17:30:00'), sh(D1, '19:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, D1, sh(D1, '08:00:00'), sh(D1, '08:59:00'))).toBe(0);
  });
  it('counts only the hours of the given day', () => {
    expect(creditedMinutes(TWO_DAYS, '2026-12-02', sh(D1, '09:00:00'), sh(D1, '17:00:00'))).toBe(0);
    expect(creditedMinutes(TWO_DAYS, '2026-12-03', sh('2026-12-03', '09:00:00'), sh('2026-12-03', '17:00:00'))).toBe(0);
  });
});

describe('applyScan', () => {
  const t9 = sh(D1, '09:00:00');
  const t10 = sh(D1, '10:00:00');
  const t16 = sh(D1, '16:00:00');
  const t17 = sh(D1, '17:00:00');

  it('creates the record on the first sign-in of the day', () => {
    expect(applyScan(undefined, 'in', t9)).toEqual({
      ok: true,
      write: 'insert',
      repeated: false,
      next: { signInAt: t9 },
      changes: { signInAt: t9 },
    });
  });
  it('keeps the first sign-in when signing in again', () => {
    const r = applyScan({ signInAt: t9 }, 'in', t10);
    expect(r).toMatchObject({ ok: true, write: 'none', repeated: true, changes: {} });
    if (r.ok) expect(r.next.signInAt).toBe(t9);
    expect(applyScan({ signInAt: t9, signOutAt: t16 }, 'in', t17)).toMatchObject({ write: 'none', next: { signInAt: t9, signOutAt: t16 } });
  });
  it('sets the sign-in on a record that has none', () => {
    expect(applyScan({}, 'in', t9)).toMatchObject({ ok: true, write: 'update', changes: { signInAt: t9 } });
  });
  it('records the first sign-out', () => {
    expect(applyScan({ signInAt: t9 }, 'out', t16)).toEqual({
      ok: true,
      write: 'update',
      repeated: false,
      next: { signInAt: t9, signOutAt: t16 },
      changes: { signOutAt: t16 },
    });
  });
  it('lets a later sign-out replace an earlier one', () => {
    expect(applyScan({ signInAt: t9, signOutAt: t16 }, 'out', t17)).toMatchObject({
      write: 'update',
      next: { signInAt: t9, signOutAt: t17 },
      changes: { signOutAt: t17 },
    });
  });
  it('keeps the later sign-out when an earlier or equal one arrives', () => {
    expect(applyScan({ signInAt: t9, signOutAt: t17 }, 'out', t16)).toMatchObject({
      write: 'none',
      repeated: true,
      next: { signInAt: t9, signOutAt: t17 },
    });
    expect(applyScan({ signInAt: t9, signOutAt: t17 }, 'out', new Date(t17.getTime()))).toMatchObject({ write: 'none' });
  });
  it('refuses a sign-out with no sign-in that day: NOT_SIGNED_IN', () => {
    expect(applyScan(undefined, 'out', t16)).toEqual({ ok: false, reason: 'NOT_SIGNED_IN' });
    expect(applyScan({}, 'out', t16)).toEqual({ ok: false, reason: 'NOT_SIGNED_IN' });
  });
  it('gives the times from which the minutes follow', () => {
    const r = applyScan({ signInAt: t9 }, 'out', t16);
    if (!r.ok) throw new Error('expected ok');
    expect(creditedMinutes(TWO_DAYS, D1, r.next.signInAt, r.next.signOutAt)).toBe(420);
  });
});

describe('dayRecordId', () => {
  it('is the same for the same volunteer, activity and day, with the date as digits', () => {
    expect(dayRecordId('act1', 'oAbC-123_x', '2026-12-01')).toBe('act1_oAbC-123_x_20261201');
    expect(dayRecordId('act1', 'oAbC-123_x', '2026-12-01')).toBe(dayRecordId('act1', 'oAbC-123_x', '2026-12-01'));
  });
  it('differs across days, volunteers and activities', () => {
    const ids = new Set([
      dayRecordId('act1', 'o1', '2026-12-01'),
      dayRecordId('act1', 'o1', '2026-12-02'),
      dayRecordId('act1', 'o2', '2026-12-01'),
      dayRecordId('act2', 'o1', '2026-12-01'),
    ]);
    expect(ids.size).toBe(4);
  });
});

describe('shortSignOut', () => {
  it('asks before a sign-out sooner than 30 min after the sign-in, with the minutes it would credit', () => {
    expect(shortSignOut(TWO_DAYS, D1, sh(D1, '10:00:00'), sh(D1, '10:29:59'))).toEqual({ minutes: 29 });
    expect(shortSignOut(TWO_DAYS, D1, sh(D1, '10:00:00'), sh(D1, '10:30:00'))).toBeUndefined();
  });
  it('asks before a sign-out before dailyStart, however long after the sign-in', () => {
    expect(shortSignOut(TWO_DAYS, D1, sh(D1, '08:00:00'), sh(D1, '08:59:59'))).toEqual({ minutes: 0 });
    expect(shortSignOut(TWO_DAYS, D1, sh(D1, '08:00:00'), sh(D1, '09:00:00'))).toBeUndefined();
  });
});

describe('canUndoSignOut', () => {
  const out = sh(D1, '12:00:00');
  const own = { signOutAt: out, ownSignOutAts: [sh(D1, '11:00:00'), out] };
  it('allows the own sign-out for 5 minutes, not at 5 minutes', () => {
    expect(canUndoSignOut(own, new Date(out.getTime() + 299_999))).toEqual({ ok: true });
    expect(canUndoSignOut(own, new Date(out.getTime() + 300_000))).toEqual({ ok: false, reason: 'EXPIRED' });
  });
  it('refuses a day not signed out, and a sign-out that was not their own scan', () => {
    expect(canUndoSignOut(undefined, out)).toEqual({ ok: false, reason: 'NOT_SIGNED_OUT' });
    expect(canUndoSignOut({ ownSignOutAts: [out] }, out)).toEqual({ ok: false, reason: 'NOT_SIGNED_OUT' });
    expect(canUndoSignOut({ signOutAt: out, ownSignOutAts: [sh(D1, '11:00:00')] }, out)).toEqual({ ok: false, reason: 'NOT_OWN' });
  });
});

describe('isServiceDay', () => {
  it('counts a day that credits one minute or more, not a 0-minute day nor one without minutes', () => {
    expect(isServiceDay({ minutes: 1 })).toBe(true);
    expect(isServiceDay({ minutes: 0 })).toBe(false);
    expect(isServiceDay({})).toBe(false);
  });
  it('does not count a day of a cancelled activity, whatever it credited', () => {
    expect(isServiceDay({ minutes: 480 }, true)).toBe(false);
  });
  it('serviceDayCount counts only the 服务日 among the records', () => {
    const days = [
      { minutes: 480, a: 'x' },
      { minutes: 0, a: 'x' },
      { minutes: 30, a: 'gone' },
      { minutes: 1, a: 'y' },
    ];
    expect(serviceDayCount(days)).toBe(3);
    expect(serviceDayCount(days, (r) => r.a === 'gone')).toBe(2);
  });
});

describe('capBinds', () => {
  const LONG = { ...TWO_DAYS, dailyStart: '08:00', dailyEnd: '20:00' };
  it('says the 8 h cap, not the times, set the minutes of a 12-hour day', () => {
    expect(capBinds(LONG, D1, sh(D1, '08:00:00'), sh(D1, '20:00:00'))).toBe(true);
    expect(creditedMinutes(LONG, D1, sh(D1, '08:00:00'), sh(D1, '20:00:00'))).toBe(480);
  });
  it('is false at exactly the cap, below it, and for a day without a sign-out', () => {
    expect(capBinds(LONG, D1, sh(D1, '08:00:00'), sh(D1, '16:00:00'))).toBe(false);
    expect(capBinds(LONG, D1, sh(D1, '08:00:00'), sh(D1, '16:01:00'))).toBe(true);
    expect(capBinds(LONG, D1, sh(D1, '08:00:00'), undefined)).toBe(false);
  });
  it('counts only the scheduled hours: a long stay outside them is not the cap', () => {
    expect(capBinds(TWO_DAYS, D1, sh(D1, '06:00:00'), sh(D1, '20:00:00'))).toBe(false);
  });
});
