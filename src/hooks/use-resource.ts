// The one loader of the app: loading, ready, empty or error, a retry, and the stale-answer guard (an answer that
// arrives after a newer request started, or after the page left, is dropped). Pages render its state with StateView.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useDidShow } from '@tarojs/taro';
import { toCloudError, type CloudError } from '../services/cloud-error';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: CloudError }
  /** Loaded, with nothing to show (`isEmpty` said so): the data is still there for headers and counts. */
  | { status: 'empty'; data: T }
  | { status: 'ready'; data: T };

export type ResourceOptions<T> = {
  /** Which answers count as nothing to show. */
  isEmpty?: (data: T) => boolean;
  /** Each fresh answer, before it is shown (a page title, a default choice). */
  onData?: (data: T) => void;
  /**
   * 'deps' (default): load on mount and whenever `deps` change. 'show': load on every show of the page (back from
   * an edit or a registration). 'manual': only when `reload` is called (a search).
   */
  when?: 'deps' | 'show' | 'manual';
  /** With 'show': a page already showing data keeps it on screen while it reads again. */
  keepOnShow?: boolean;
};

/** A ref that always holds the latest value (a callback or state read inside a stable function). */
export function useLatest<V>(value: V): { readonly current: V } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

/**
 * Tickets of the requests of one loader: only the latest may settle. `next` starts a request; `same` follows up on
 * the current one (a further page), which a new request or `cancel` makes stale too.
 */
export type LatestGate = { next: () => () => boolean; same: () => () => boolean; cancel: () => void };
export function latestGate(): LatestGate {
  let latest = 0;
  const ticketOf = (ticket: number) => () => ticket === latest;
  return {
    next: () => ticketOf(++latest),
    same: () => ticketOf(latest),
    cancel: () => {
      latest++;
    },
  };
}

export const hasData = <T>(r: Resource<T>): r is Extract<Resource<T>, { data: T }> => r.status === 'ready' || r.status === 'empty';

/** The state an answer makes. */
export function settled<T>(data: T, isEmpty?: (data: T) => boolean): Resource<T> {
  return isEmpty?.(data) ? { status: 'empty', data } : { status: 'ready', data };
}

/**
 * One request: shows loading unless `quiet`, then settles with the answer or the error, unless a later request
 * started (or the gate was cancelled) meanwhile.
 */
export async function runLoad<T>(
  gate: LatestGate,
  load: () => Promise<T>,
  set: (r: Resource<T>) => void,
  opts: ResourceOptions<T> & { quiet?: boolean } = {},
): Promise<void> {
  const current = gate.next();
  if (!opts.quiet) set({ status: 'loading' });
  let data: T;
  try {
    data = await load();
  } catch (e) {
    if (current()) set({ status: 'error', error: toCloudError(e) });
    return;
  }
  if (!current()) return;
  opts.onData?.(data);
  set(settled(data, opts.isEmpty));
}

/**
 * Loads with `load` (read afresh on each load, so it may close over the page's state); `null` loads nothing (a
 * missing parameter, an invalid filter) and leaves the state as it is.
 */
export function useResource<T>(
  load: (() => Promise<T>) | null,
  deps: DependencyList = [],
  options: ResourceOptions<T> = {},
): {
  state: Resource<T>;
  /** Loads again; `quiet` keeps what is shown until the answer arrives. */
  reload: (opts?: { quiet?: boolean }) => void;
  /** Changes the loaded data in place (after an action whose result is known). */
  update: (change: (data: T) => T) => void;
} {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const gate = useRef<LatestGate | null>(null);
  gate.current ??= latestGate();
  const loadRef = useLatest(load);
  const optionsRef = useLatest(options);
  const stateRef = useLatest(state);

  const reload = useCallback(
    (opts?: { quiet?: boolean }) => {
      const fn = loadRef.current;
      // `opts` may be a tap's event when passed straight to onClick: only a real `quiet: true` counts.
      if (fn && gate.current) void runLoad(gate.current, fn, setState, { ...optionsRef.current, quiet: opts?.quiet === true });
    },
    [loadRef, optionsRef],
  );

  const update = useCallback(
    (change: (data: T) => T) => {
      setState((s) => (hasData(s) ? settled(change(s.data), optionsRef.current.isEmpty) : s));
    },
    [optionsRef],
  );

  const when = options.when ?? 'deps';
  useEffect(() => {
    if (when === 'deps') reload();
    // `deps` are the caller's: what its load reads (a load may be null until they are known, or run by hand).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [when, reload, ...deps]);
  useDidShow(() => {
    if (when === 'show') reload({ quiet: optionsRef.current.keepOnShow && hasData(stateRef.current) });
  });
  useEffect(() => () => gate.current?.cancel(), []);

  return { state, reload, update };
}
