// The phone reads a code's body to label a scan kept offline (src/utils/code-body.ts), the same body the server signs.
import { signPayload, signScene } from '../../../cloudfunctions/common/domain/checkin-code';
import { codeKindOf, readCodeBody } from '../../../src/utils/code-body';

const secret = 'test-secret-0123456789';

it('reads an activity code and a personal code as the server wrote them', () => {
  expect(readCodeBody(signPayload({ t: 'a', a: 'act-1', k: 'out', m: 'rotating', s: 59_000_000 }, secret))).toEqual({
    t: 'a',
    activityId: 'act-1',
    kind: 'out',
    rotating: true,
    step: 59_000_000,
  });
  expect(readCodeBody(signPayload({ t: 'v', a: 'act-1', o: 'oVolunteer-张', s: 7 }, secret))).toEqual({
    t: 'v',
    activityId: 'act-1',
    openid: 'oVolunteer-张',
    step: 7,
  });
});

it('a scene gives its kind; anything else reads as nothing', () => {
  expect(codeKindOf(signScene({ kind: 'in', key: 'AbCdEf12' }, secret))).toBe('in');
  expect(codeKindOf(signPayload({ t: 'a', a: 'x', k: 'auto', m: 'static' }, secret))).toBe('auto');
  for (const junk of ['', 'hello', 'kjzy1.!!!.x', 'kjzy1.e30.x', '123456']) {
    expect(readCodeBody(junk)).toBeUndefined();
    expect(codeKindOf(junk)).toBeUndefined();
  }
});
