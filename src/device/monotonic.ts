// A clock that only moves forward at the pace of real time, whatever the phone's wall clock is set to: offline scans
// carry the time measured on it since the app last heard the server, so a changed phone clock shows.
type Perf = { now?: () => number };
declare const wx: { getPerformance?: () => Perf } | undefined;

function platformPerformance(): Perf | undefined {
  const global = (globalThis as { performance?: Perf }).performance;
  if (global && typeof global.now === 'function') return global;
  try {
    // The mini program's own (base library 2.11+); h5 has window.performance above. Read from `wx` itself, not through
    // Taro: the helpers that read the server's clock stay plain modules (unit tests load them without Taro's runtime).
    const perf = typeof wx !== 'undefined' && typeof wx?.getPerformance === 'function' ? wx.getPerformance() : undefined;
    if (perf && typeof perf.now === 'function') return perf;
  } catch {
    // not available here
  }
  return undefined;
}

const perf = platformPerformance();

/**
 * Milliseconds on a monotonic clock (its zero is arbitrary, and a restart of the app starts it again). Where the
 * platform has none the wall clock stands in, which a changed phone clock moves too.
 */
export function monotonicNow(): number {
  return perf?.now ? perf.now() : Date.now();
}
