// How a refused scan reads (components/checkin-result/explain): by code, for the volunteer and for an admin.
import { explainRefusal } from '../../../src/components/checkin-result/explain';

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
