// 撤销通过's minute by the server's clock: 60 s after the approval still counts, 60.001 s does not.
import { withinUndoWindow } from '../../../cloudfunctions/common/domain/review-undo';

const at = new Date('2026-11-22T02:00:00.000Z');
const after = (ms: number) => new Date(at.getTime() + ms);

describe('withinUndoWindow', () => {
  it('from the approval to its 60th second', () => {
    expect(withinUndoWindow(at, at)).toBe(true);
    expect(withinUndoWindow(at, after(59_999))).toBe(true);
    expect(withinUndoWindow(at, after(60_000))).toBe(true);
  });
  it('not a millisecond later', () => {
    expect(withinUndoWindow(at, after(60_001))).toBe(false);
    expect(withinUndoWindow(at, after(3_600_000))).toBe(false);
  });
});
