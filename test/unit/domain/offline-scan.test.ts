// What the server believes of a queued offline scan: a rotating code's step, not the phone's clock; 72 h; static → 待确认; a tampered clock; a queued 批量签退.
import {
  OFFLINE_CLOCK_TOLERANCE_MIN,
  OFFLINE_MAX_AGE_H,
  clockDrift,
  judgeOfflineBatchSignOut,
  judgeOfflineScan,
  provenInstant,
  stepWindow,
} from '../../../cloudfunctions/common/domain/offline-scan';

const at = (iso: string) => new Date(iso);
const stepOf = (iso: string) => Math.floor(Date.parse(iso) / 30_000);
const MIN = 60_000;
// The phone last heard the server at 08:00Z and measured the time since honestly.
const synced = (claimed: string, driftMs = 0) => ({
  syncedServerTime: at('2026-12-01T00:00:00Z'),
  elapsedMs: Date.parse(claimed) - Date.parse('2026-12-01T00:00:00Z') - driftMs,
});

describe('offline-scan', () => {
  it('names its limits: 72 hours, 5 minutes of clock disagreement', () => {
    expect(OFFLINE_MAX_AGE_H).toBe(72);
    expect(OFFLINE_CLOCK_TOLERANCE_MIN).toBe(5);
  });

  it('a rotating code proves its step window; the claimed time is clamped into it, never taken as is', () => {
    const s = stepOf('2026-12-01T01:30:00Z');
    expect(stepWindow(s)).toEqual({ from: at('2026-12-01T01:30:00Z'), to: at('2026-12-01T01:30:59.999Z') });
    expect(provenInstant(s, at('2026-12-01T01:30:20Z'))).toEqual(at('2026-12-01T01:30:20Z'));
    expect(provenInstant(s, at('2026-12-01T00:10:00Z'))).toEqual(at('2026-12-01T01:30:00Z'));
    expect(provenInstant(s, at('2026-12-01T05:00:00Z'))).toEqual(at('2026-12-01T01:30:59.999Z'));
  });

  it('accepts a rotating scan at the instant its step proves, whatever the upload time within 72 h', () => {
    const claimed = '2026-12-01T01:30:10Z';
    const v = judgeOfflineScan({ step: stepOf(claimed), claimedAt: at(claimed), ...synced(claimed), uploadAt: at('2026-12-02T09:00:00Z') });
    expect(v).toEqual({ decision: 'accept', at: at(claimed), reason: 'ROTATING_STEP' });
  });

  it('the step wins over the claimed time when they differ within the tolerance', () => {
    const claimed = '2026-12-01T01:33:00Z'; // 3 min after the step, clock consistent with elapsed
    const v = judgeOfflineScan({
      step: stepOf('2026-12-01T01:30:00Z'),
      claimedAt: at(claimed),
      ...synced(claimed),
      uploadAt: at('2026-12-01T02:00:00Z'),
    });
    expect(v).toEqual({ decision: 'accept', at: at('2026-12-01T01:30:59.999Z'), reason: 'ROTATING_STEP' });
  });

  it('expires after 72 hours at upload, 72 h exactly is still taken (rotating: the proven instant; static: the claim)', () => {
    const claimed = '2026-12-01T01:30:00Z';
    const base = { step: stepOf(claimed), claimedAt: at(claimed), ...synced(claimed) };
    expect(judgeOfflineScan({ ...base, uploadAt: at('2026-12-04T01:30:00Z') }).decision).toBe('accept');
    expect(judgeOfflineScan({ ...base, uploadAt: at('2026-12-04T01:31:00.001Z') })).toMatchObject({
      decision: 'expired',
      reason: 'TOO_OLD',
    });
    const stat = { claimedAt: at(claimed), ...synced(claimed) };
    expect(judgeOfflineScan({ ...stat, uploadAt: at('2026-12-04T01:30:00Z') }).decision).toBe('pending');
    expect(judgeOfflineScan({ ...stat, uploadAt: at('2026-12-04T01:30:00.001Z') })).toMatchObject({
      decision: 'expired',
      reason: 'TOO_OLD',
    });
  });

  it('a static code proves nothing about time: 待确认 at the phone’s time', () => {
    const claimed = '2026-12-01T01:30:00Z';
    expect(judgeOfflineScan({ claimedAt: at(claimed), ...synced(claimed), uploadAt: at('2026-12-01T03:00:00Z') })).toEqual({
      decision: 'pending',
      at: at(claimed),
      reason: 'STATIC_CODE',
    });
  });

  it('flags a clock that disagrees with the synced time plus elapsed by more than 5 minutes, not 5 minutes exactly', () => {
    const claimed = '2026-12-01T01:30:00Z';
    expect(clockDrift({ claimedAt: at(claimed), ...synced(claimed, 5 * MIN) })).toBe(5 * MIN);
    const upload = at('2026-12-01T03:00:00Z');
    expect(judgeOfflineScan({ claimedAt: at(claimed), ...synced(claimed, 5 * MIN), uploadAt: upload }).decision).toBe('pending');
    expect(judgeOfflineScan({ claimedAt: at(claimed), ...synced(claimed, 5 * MIN + 1), uploadAt: upload })).toMatchObject({
      decision: 'flagged',
      reason: 'CLOCK_DISAGREES',
    });
    // A rotating code too: the phone's scans are flagged for the admin, at the instant the step proves.
    expect(
      judgeOfflineScan({ step: stepOf(claimed), claimedAt: at(claimed), ...synced(claimed, -2 * 3_600_000), uploadAt: upload }),
    ).toEqual({
      decision: 'flagged',
      at: at(claimed),
      reason: 'CLOCK_DISAGREES',
    });
  });

  it('flags a phone that never heard the server’s time, or claims to have heard it after the upload', () => {
    const claimed = '2026-12-01T01:30:00Z';
    const upload = at('2026-12-01T03:00:00Z');
    expect(judgeOfflineScan({ claimedAt: at(claimed), uploadAt: upload })).toMatchObject({ decision: 'flagged', reason: 'NEVER_SYNCED' });
    expect(
      judgeOfflineScan({ claimedAt: at(claimed), syncedServerTime: at('2026-12-01T04:00:00Z'), elapsedMs: 0, uploadAt: upload }),
    ).toMatchObject({
      decision: 'flagged',
      reason: 'NEVER_SYNCED',
    });
  });

  it('flags a step not minted yet at upload (a code from the future)', () => {
    const claimed = '2026-12-01T01:30:00Z';
    const v = judgeOfflineScan({
      step: stepOf('2026-12-01T05:00:00Z'),
      claimedAt: at(claimed),
      ...synced(claimed),
      uploadAt: at('2026-12-01T03:00:00Z'),
    });
    expect(v).toMatchObject({ decision: 'flagged', reason: 'STEP_AHEAD' });
  });

  it('a queued 批量签退 counts at the chosen time when the clock agrees; flagged when it does not or never synced; expires after 72 h', () => {
    const claimed = '2026-12-01T09:05:00Z';
    const batchAt = at('2026-12-01T09:00:00Z');
    const upload = at('2026-12-01T10:00:00Z');
    const honest = { batchAt, claimedAt: at(claimed), uploadAt: upload, ...synced(claimed) };
    expect(judgeOfflineBatchSignOut(honest)).toEqual({ decision: 'accept', at: batchAt, reason: 'BATCH_SIGN_OUT' });
    expect(judgeOfflineBatchSignOut({ ...honest, ...synced(claimed, OFFLINE_CLOCK_TOLERANCE_MIN * MIN) }).decision).toBe('accept');
    expect(judgeOfflineBatchSignOut({ ...honest, ...synced(claimed, OFFLINE_CLOCK_TOLERANCE_MIN * MIN + 1) })).toMatchObject({
      decision: 'flagged',
      reason: 'CLOCK_DISAGREES',
    });
    expect(judgeOfflineBatchSignOut({ batchAt, claimedAt: at(claimed), uploadAt: upload })).toMatchObject({
      decision: 'flagged',
      reason: 'NEVER_SYNCED',
    });
    const exactly = new Date(batchAt.getTime() + OFFLINE_MAX_AGE_H * 3_600_000);
    expect(judgeOfflineBatchSignOut({ ...honest, uploadAt: exactly }).decision).toBe('accept');
    expect(judgeOfflineBatchSignOut({ ...honest, uploadAt: new Date(exactly.getTime() + 1) })).toMatchObject({
      decision: 'expired',
      reason: 'TOO_OLD',
    });
  });
});
