// A paged list ({items,total,page} answers): first page with loading/error states, then more pages on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toCloudError, type CloudError } from '../services/cloud-error';
import { latestGate, useLatest } from './use-resource';

export type Page<T> = { items: T[]; total: number; page: number };

export type PagedList<T> =
  | { status: 'loading' }
  | { status: 'error'; error: CloudError }
  | { status: 'ready'; items: T[]; total: number; page: number; loadingMore: boolean; moreError: string };

export const PAGE_SIZE = 20;

export function usePagedList<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
): {
  list: PagedList<T>;
  /** Loads page 1 again (after a new keyword, a tab switch or an action). */
  reload: () => void;
  /** Appends the next page, if any and not already loading. */
  loadMore: () => void;
  hasMore: boolean;
} {
  const [list, setList] = useState<PagedList<T>>({ status: 'loading' });
  const gate = useRef(latestGate()).current;
  const fetchRef = useLatest(fetchPage);
  const keyRef = useLatest(keyOf);
  const shown = useLatest(list);

  const reload = useCallback(() => {
    const fresh = gate.next();
    setList({ status: 'loading' });
    fetchRef.current(1).then(
      (res) => fresh() && setList({ status: 'ready', items: res.items, total: res.total, page: 1, loadingMore: false, moreError: '' }),
      (e: unknown) => fresh() && setList({ status: 'error', error: toCloudError(e) }),
    );
  }, [gate, fetchRef]);

  const hasMore = list.status === 'ready' && list.items.length < list.total;

  const loadMore = useCallback(() => {
    const now = shown.current;
    if (now.status !== 'ready' || now.loadingMore || now.items.length >= now.total) return;
    const same = gate.same();
    const next = now.page + 1;
    setList({ ...now, loadingMore: true, moreError: '' });
    fetchRef.current(next).then(
      (res) => {
        if (!same()) return;
        setList((prev) => {
          if (prev.status !== 'ready') return prev;
          // A row may shift pages between requests; keep each item once.
          const seen = new Set(prev.items.map((i) => keyRef.current(i)));
          const items = [...prev.items, ...res.items.filter((i) => !seen.has(keyRef.current(i)))];
          return { status: 'ready', items, total: res.total, page: next, loadingMore: false, moreError: '' };
        });
      },
      (e: unknown) => {
        if (!same()) return;
        setList((prev) => (prev.status === 'ready' ? { ...prev, loadingMore: false, moreError: toCloudError(e).message } : prev));
      },
    );
  }, [gate, fetchRef, keyRef, shown]);

  useEffect(() => gate.cancel, [gate]);
  return { list, reload, loadMore, hasMore };
}
