// domain/complaint: who answers a complaint (the team above; the root for itself), until when, when it moves up, and who may answer.
import { answerDueAt, complaintHandlerId, escalateAtOf, isOverdue, mayAnswer } from '../../../cloudfunctions/common/domain/complaint';

const at = (iso: string) => new Date(iso);

describe('complaint routing', () => {
  it('goes to the parent; the root answers for itself', () => {
    expect(complaintHandlerId({ _id: 'fd', parentId: 'lz' })).toBe('lz');
    expect(complaintHandlerId({ _id: 'root', parentId: null })).toBe('root');
  });
  it('is due after the given days, moves up then, never from the root', () => {
    const due = answerDueAt(at('2026-11-22T02:00:00Z'), 7);
    expect(due.toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(escalateAtOf({ _id: 'lz', parentId: 'root' }, due)).toEqual(due);
    expect(escalateAtOf({ _id: 'root', parentId: null }, due)).toBeUndefined();
  });
  it('is overdue only while open and strictly past its due time', () => {
    const due = at('2026-11-29T02:00:00Z');
    expect(isOverdue('open', due, at('2026-11-29T02:00:00Z'))).toBe(false);
    expect(isOverdue('open', due, at('2026-11-29T02:00:00.001Z'))).toBe(true);
    expect(isOverdue('answered', due, at('2026-12-29T02:00:00Z'))).toBe(false);
  });
});

describe('mayAnswer', () => {
  const base = { handlerOrgId: 'lz', targetOrgId: 'fd', memberOfTarget: false };
  it('a leader or admin of the handling team, not a member of the team complained about', () => {
    expect(mayAnswer({ ...base, grants: [{ orgId: 'lz', role: 'admin' }] })).toBe('allowed');
    expect(mayAnswer({ ...base, grants: [{ orgId: 'lz', role: 'member' }] })).toBe('forbidden');
    expect(mayAnswer({ ...base, grants: [{ orgId: 'fd', role: 'leader' }] })).toBe('forbidden');
    expect(mayAnswer({ ...base, grants: [{ orgId: 'lz', role: 'leader' }], memberOfTarget: true })).toBe('self');
  });
  it('at the root, about the root itself, its own leaders answer', () => {
    expect(
      mayAnswer({ grants: [{ orgId: 'root', role: 'leader' }], handlerOrgId: 'root', targetOrgId: 'root', memberOfTarget: true }),
    ).toBe('allowed');
  });
});
