// A seconds countdown (resend timers): `left` reaches 0 and stops; cleared on unmount.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useCountdown(): { left: number; start: (seconds: number) => void; reset: () => void } {
  const [left, setLeft] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  };

  const start = useCallback((seconds: number) => {
    stop();
    const endsAt = Date.now() + Math.max(0, seconds) * 1000;
    const tick = () => {
      const rest = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) stop();
    };
    tick();
    timer.current = setInterval(tick, 1000);
  }, []);

  /** Ends the countdown now (`left` is 0). */
  const reset = useCallback(() => {
    stop();
    setLeft(0);
  }, []);

  useEffect(() => stop, []);
  return { left, start, reset };
}
