// The client's door to the backend (src/services/cloud.ts) refuses an input the contract refuses, in the same Chinese
// as the function would answer, before anything is sent.
const mockRequest = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (...args: unknown[]) => mockRequest(...args),
    getStorageSync: () => 'dev-0000000000000001',
    setStorageSync: () => undefined,
  },
}));

import { callFunction, isCloudError } from '../../../src/services/cloud';

it('a too long 工作单位 is refused as VALIDATION with a Chinese message and issues, and nothing is sent', async () => {
  const error: unknown = await callFunction('user', 'updateProfile', { employer: '单'.repeat(61) }).catch((e: unknown) => e);
  expect(isCloudError(error)).toBe(true);
  expect(error).toMatchObject({ code: 'VALIDATION', message: '最多60个字', details: [{ path: ['employer'], message: '最多60个字' }] });
  expect(mockRequest).not.toHaveBeenCalled();
});

it('a missing field says 缺少必填项, not zod’s “Required”', async () => {
  const error: unknown = await callFunction('checkin', 'requestCorrection', { date: '2026-12-01', note: '我忘记签退了' } as never).catch(
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'VALIDATION', message: '缺少必填项' });
  expect(mockRequest).not.toHaveBeenCalled();
});
