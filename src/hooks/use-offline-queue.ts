// A queue of scans kept offline (services/offline-queue) as React state: its items, latest results and last error
// follow every change live, and `flush` sends it at once, reporting whether it is still sending.
import { useCallback, useEffect, useState } from 'react';
import type { OfflineQueue, QueueState, Queued } from '../services/offline-queue';

export type OfflineQueueView<T extends Queued> = {
  state: QueueState<T>;
  /** A tap on 立即上传 is on its way. */
  flushing: boolean;
  /** Sends everything waiting now; resolves with the state after the try. */
  flush: () => Promise<QueueState<T>>;
};

export function useOfflineQueue<T extends Queued>(queue: OfflineQueue<T>): OfflineQueueView<T> {
  const [state, setState] = useState<QueueState<T>>(() => queue.state());
  const [flushing, setFlushing] = useState(false);

  useEffect(() => {
    setState(queue.state());
    return queue.subscribe(setState);
  }, [queue]);

  const flush = useCallback(async () => {
    setFlushing(true);
    try {
      return await queue.flush();
    } finally {
      setFlushing(false);
    }
  }, [queue]);

  return { state, flushing, flush };
}
