// Scenes (the short signed code a 小程序码 carries): round trips, WeChat's length and charset, tampering, step bounds.
import {
  CODE_KEY_PATTERN,
  isScene,
  parseScene,
  REVOKED_LOOKBACK,
  SCENE_CHARSET,
  SCENE_MAX_LENGTH,
  sceneSignedWithEarlier,
  signPayload,
  signScene,
  verifyScene,
  type SceneBody,
} from '../../../cloudfunctions/common/domain/checkin-code';
import { CODE_KINDS } from '@contract/checkin';

import { at, OTHER, S0, SECRET } from './code-clock';
const KEY = 'aZ09xYq7';

const bodies: SceneBody[] = CODE_KINDS.flatMap((kind) => [
  { key: KEY, kind },
  { key: KEY, kind, s: S0 },
]);
/** Every other character WeChat allows in a scene. */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$&'()*+,/:;=?@-._~";

describe('signScene / verifyScene', () => {
  it.each(bodies.map((b) => [`${b.kind} ${b.s === undefined ? 'static' : 'rotating'}`, b] as const))(
    'round-trips a %s code within 32 characters of the scene charset',
    (_name, body) => {
      const scene = signScene(body, SECRET);
      expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
      expect(scene).toMatch(SCENE_CHARSET);
      expect(isScene(scene)).toBe(true);
      expect(parseScene(scene)).toEqual(body);
      expect(verifyScene(scene, SECRET, at(0))).toEqual({ ok: true, body });
    },
  );

  it('reads as its format: version, kind, mode, [step], key, MAC', () => {
    expect(signScene({ key: KEY, kind: 'in' }, SECRET)).toMatch(/^1isaZ09xYq7[A-Za-z0-9_-]{12}$/);
    expect(signScene({ key: KEY, kind: 'auto', s: S0 }, SECRET)).toMatch(/^1ar[0-9A-Za-z]{5}aZ09xYq7[A-Za-z0-9_-]{12}$/);
    expect(signScene({ key: KEY, kind: 'in' }, SECRET)).toHaveLength(23);
    expect(signScene({ key: KEY, kind: 'out', s: S0 }, SECRET)).toHaveLength(28);
  });

  it.each(bodies.map((b) => [`${b.kind} ${b.s === undefined ? 'static' : 'rotating'}`, b] as const))(
    'refuses every single-character change of a %s scene',
    (_name, body) => {
      const scene = signScene(body, SECRET);
      for (let i = 0; i < scene.length; i++) {
        for (const c of ALPHABET) {
          if (c === scene[i]) continue;
          const changed = scene.slice(0, i) + c + scene.slice(i + 1);
          expect(verifyScene(changed, SECRET, at(0))).toEqual({ ok: false, reason: 'CODE_INVALID' });
        }
      }
    },
  );

  it("refuses another activity's scene (another secret) and a made-up one", () => {
    expect(verifyScene(signScene({ key: KEY, kind: 'in' }, OTHER), SECRET, at(0))).toEqual({ ok: false, reason: 'CODE_INVALID' });
    expect(verifyScene(`1is${KEY}AAAAAAAAAAAA`, SECRET, at(0))).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });

  it('accepts the previous, current and next step; older is expired, further ahead invalid (as long codes)', () => {
    const scene = signScene({ key: KEY, kind: 'out', s: S0 }, SECRET);
    expect(verifyScene(scene, SECRET, at(-30_000)).ok).toBe(true); // next step (clock skew)
    expect(verifyScene(scene, SECRET, at(59_999)).ok).toBe(true); // previous step
    expect(verifyScene(scene, SECRET, at(60_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
    expect(verifyScene(scene, SECRET, at(-30_001))).toEqual({ ok: false, reason: 'CODE_INVALID' });
    expect(verifyScene(signScene({ key: KEY, kind: 'in' }, SECRET), SECRET, new Date('2040-01-01T00:00:00Z')).ok).toBe(true);
  });

  it('recognises a scene signed with an earlier secret of the activity (revoked), within the lookback', () => {
    const scene = signScene({ key: KEY, kind: 'in' }, OTHER);
    expect(sceneSignedWithEarlier(scene, [SECRET, OTHER])).toBe(true);
    expect(sceneSignedWithEarlier(scene, [SECRET])).toBe(false);
    expect(sceneSignedWithEarlier(scene, [...Array<Buffer>(REVOKED_LOOKBACK).fill(SECRET), OTHER])).toBe(false);
  });

  it('tells scenes from long payloads and from anything else', () => {
    expect(isScene(signPayload({ t: 'a', a: 'act1', k: 'auto', m: 'static' }, SECRET))).toBe(false);
    for (const bad of ['', '1', `1xs${KEY}AAAAAAAAAAAA`, `1is${KEY}AAAAAAAAAAA`, `1is${KEY}AAAAAAAAAAAAA`, 'x'.repeat(3000)]) {
      expect(isScene(bad)).toBe(false);
      expect(verifyScene(bad, SECRET, at(0)).ok).toBe(false);
    }
  });

  it('refuses to sign a malformed key or step', () => {
    expect(() => signScene({ key: 'short', kind: 'in' }, SECRET)).toThrow();
    expect(() => signScene({ key: 'aZ09xYq!', kind: 'in' }, SECRET)).toThrow();
    expect(() => signScene({ key: KEY, kind: 'in', s: -1 }, SECRET)).toThrow();
    expect(() => signScene({ key: KEY, kind: 'in', s: 62 ** 5 }, SECRET)).toThrow();
    expect(CODE_KEY_PATTERN.test(KEY)).toBe(true);
  });
});
