// 驳回's reason: a preset, a preset with a note, or the note alone for 其他; never empty, never over 200 characters.
import { composeRejectReason, REJECT_REASONS } from '@contract/review';

describe('composeRejectReason', () => {
  it('offers the four presets', () => {
    expect(REJECT_REASONS).toEqual(['信息不完整', '不在本队服务区域', '重复申请', '其他']);
  });
  it('a preset alone, or with the note after it', () => {
    expect(composeRejectReason('信息不完整', '')).toEqual({ reason: '信息不完整' });
    expect(composeRejectReason('不在本队服务区域', ' 请申请天水支队 ')).toEqual({ reason: '不在本队服务区域：请申请天水支队' });
  });
  it('其他 and no preset take the note alone, and need it', () => {
    expect(composeRejectReason('其他', '资料照片模糊')).toEqual({ reason: '资料照片模糊' });
    expect(composeRejectReason(undefined, '资料照片模糊')).toEqual({ reason: '资料照片模糊' });
    expect(composeRejectReason('其他', '  ')).toEqual({ problem: '选择“其他”时请填写具体原因' });
    expect(composeRejectReason(undefined, '')).toEqual({ problem: '请选择或填写驳回原因' });
  });
  it('refuses a reason over 200 characters, the preset counted', () => {
    expect(composeRejectReason('重复申请', '字'.repeat(196))).toEqual({ problem: '原因最多200字' });
    expect(composeRejectReason('重复申请', '字'.repeat(195))).toMatchObject({ reason: expect.stringMatching(/^重复申请：/) });
  });
});
