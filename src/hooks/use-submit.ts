// The state of a form that sends once: busy while the call runs (a second tap does nothing), and the error to show
// (the checks' own message, or the server's).
import { useCallback, useRef, useState } from 'react';
import { toCloudError } from '../services/cloud-error';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const running = useRef(false);
  /** Runs `work` unless a run is under way; a thrown error becomes `error`. */
  const submit = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(toCloudError(e).message);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, submit };
}
