// How durations and distances read, for both sides: the mini program's screens, the exports, the certificates and
// the server's messages all say "2小时5分钟" and "850米" / "5.1公里" through these two functions.

/** Whole minutes as "X小时Y分钟"; zero parts are left out ("2小时", "45分钟"), nothing at all is "0分钟". */
export function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}

/** Metres as people read them: "850米" below a kilometre, "5.1公里" (one decimal, none when whole) below 10, "12公里" from there. */
export function formatDistance(m: number): string {
  const metres = Number.isFinite(m) ? Math.max(0, Math.round(m)) : 0;
  if (metres < 1000) return `${metres}米`;
  const km = metres / 1000;
  return `${km >= 10 ? Math.round(km) : Number(km.toFixed(1))}公里`;
}

const STOPS = '。！？';
const MARKS = /[。，、；：！？]{2,}/g;

/**
 * Generated text joins user-typed pieces ("送科技下乡。") with its own punctuation: a run of Chinese marks keeps one —
 * the first full stop (。！？) if the run has one, else its first mark — so no sentence reads "。。" or "，。".
 */
export function tidyPunctuation(text: string): string {
  return text.replace(MARKS, (run) => [...run].find((c) => STOPS.includes(c)) ?? run[0]);
}
