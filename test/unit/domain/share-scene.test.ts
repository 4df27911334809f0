// domain/share-scene: the activity poster's scene reads back to its code key and token, nothing else passes, and a
// volunteer is never credited for their own share.
import {
  activityScene,
  creditedSharer,
  isShareToken,
  readActivityScene,
  shareTokenOf,
  SHARE_TOKEN_LENGTH,
} from '../../../cloudfunctions/common/domain/share-scene';

describe('activity scene', () => {
  it('is the code key, then the token, within the 32 characters of a 小程序码 scene', () => {
    const scene = activityScene('AbCdEfGh', 'Tk3nAbC9');
    expect(scene).toBe('AbCdEfGh.Tk3nAbC9');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(readActivityScene(scene)).toEqual({ key: 'AbCdEfGh', token: 'Tk3nAbC9' });
    expect(readActivityScene(activityScene('AbCdEfGh'))).toEqual({ key: 'AbCdEfGh' });
  });

  it.each(['', 'AbCdEfG', 'AbCdEfGhI', 'AbCdEfGh.', 'AbCdEfGh.Tk3nAbC', 'AbCdEfGh.Tk3nAbC9.x', 'AbCd-fGh.Tk3nAbC9', '../etc/pw'])(
    'refuses %p',
    (scene) => expect(readActivityScene(scene)).toBeUndefined(),
  );
});

describe('share tokens', () => {
  it('are 8 base62 characters drawn from the random source', () => {
    const draws = [0, 61, 10, 36, 1, 2, 3, 4];
    const token = shareTokenOf(() => draws.shift()!);
    expect(token).toBe('0zAa1234');
    expect(token).toHaveLength(SHARE_TOKEN_LENGTH);
    expect(isShareToken(token)).toBe(true);
    expect(isShareToken('0zAa123')).toBe(false);
    expect(isShareToken('0zAa123!')).toBe(false);
  });

  it('credit the sharer, never the enrollee themself', () => {
    expect(creditedSharer('sharer', 'friend')).toBe('sharer');
    expect(creditedSharer('friend', 'friend')).toBeUndefined();
    expect(creditedSharer(undefined, 'friend')).toBeUndefined();
  });
});
