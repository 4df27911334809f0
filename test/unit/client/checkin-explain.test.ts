// How a refused scan reads (components/checkin-result/explain): by code, for the volunteer and for an admin.
import { explainRefusal, successMessage } from '../../../src/components/checkin-result/explain';

describe('explainRefusal', () => {
  it('out of range: the distance from the details, the way out through 我的签到码', () => {
    const v = explainRefusal({ code: 'CHECKIN.OUT_OF_RANGE', message: 'm', details: { distanceM: 6150, radiusM: 5000 } });
    expect(v).toMatchObject({ key: 'out-of-range', title: '不在签到范围内', distance: { distanceM: 6150, radiusM: 5000 }, myCode: true });
    expect(explainRefusal({ code: 'CHECKIN.OUT_OF_RANGE', message: 'm', details: { distanceM: '6' } }).distance).toBeUndefined();
  });
  it('the window says its rule, built from the constants (60 and 180 minutes)', () => {
    expect(explainRefusal({ code: 'CHECKIN.OUTSIDE_WINDOW', message: 'm' }).tips).toEqual(['活动开始前1小时起可签到，结束后3小时内可签退']);
    expect(explainRefusal({ code: 'CHECKIN.OUTSIDE_WINDOW', message: 'm' }, true).tips).toEqual([]);
  });
  it('location refused or unavailable on the phone', () => {
    expect(explainRefusal({ code: 'LOCATION_DENIED', message: '' })).toMatchObject({ setting: true });
    expect(explainRefusal({ code: 'LOCATION_UNAVAILABLE', message: '' })).toMatchObject({ myCode: true });
  });
  it('a revoked code is named, a foreign one is not recognised; admins are told about the volunteer', () => {
    expect(explainRefusal({ code: 'CHECKIN.CODE_INVALID', message: 'm', details: { revoked: true } }).key).toBe('revoked');
    expect(explainRefusal({ code: 'CHECKIN.CODE_INVALID', message: 'm' }).title).toBe('无法识别的签到码');
    expect(explainRefusal({ code: 'CHECKIN.CODE_INVALID', message: 'm' }, true).title).toBe('无法识别');
    expect(explainRefusal({ code: 'CHECKIN.NOT_ENROLLED', message: 'm' }, true).title).toBe('该志愿者未报名');
  });
  it('a network failure may be sent again; anything else shows its message', () => {
    expect(explainRefusal({ code: 'NETWORK', message: '' })).toMatchObject({ key: 'network', retry: true });
    expect(explainRefusal({ code: 'WHATEVER', message: '出错了' })).toMatchObject({ key: 'error', title: '签到失败', message: '出错了' });
    expect(explainRefusal({ code: 'WHATEVER', message: '出错了' }, true).title).toBe('操作失败');
  });
});

describe('what is written for the volunteer stays off the admin’s screen', () => {
  it('an admin is never told to show 我的签到码 or to register', () => {
    const out = explainRefusal({ code: 'CHECKIN.OUT_OF_RANGE', message: 'm', details: { distanceM: 6150, radiusM: 5000 } }, true);
    expect(out.myCode).toBe(false);
    expect(out.tips.join('')).not.toContain('我的签到码');
    expect(explainRefusal({ code: 'USER.NOT_REGISTERED', message: 'm' }, true).register).toBe(false);
    expect(explainRefusal({ code: 'USER.NOT_REGISTERED', message: 'm' }).register).toBe(true);
  });
  it('a success an admin scanned speaks of the volunteer, not of “我的时长”', () => {
    const data = { kind: 'out', realName: '张伟' } as Parameters<typeof successMessage>[0];
    expect(successMessage(data)).toBe('已为张伟签退，当日时长已计入其服务记录。');
    expect(successMessage({ ...data, kind: 'in' })).toBe('已为张伟签到。活动结束离开时，请其再次出示个人签到码签退。');
    expect(successMessage({ ...data, realName: undefined })).toBe('感谢您的志愿服务！时长已计入“我的时长”。');
  });
});
