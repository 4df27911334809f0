// The loader's rules without React: only the latest request settles, an error becomes a CloudError, `isEmpty` names
// the empty answer, and a quiet reload keeps what is shown.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {}, useDidShow: () => undefined }));

import { hasData, latestGate, runLoad, settled, type Resource } from '../../../src/hooks/use-resource';
import { CloudError } from '../../../src/services/cloud-error';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestGate', () => {
  it('a new ticket makes the earlier ones stale; `same` follows the current one; cancel makes all stale', () => {
    const gate = latestGate();
    const first = gate.next();
    const followUp = gate.same();
    expect(first()).toBe(true);
    expect(followUp()).toBe(true);
    const second = gate.next();
    expect([first(), followUp(), second()]).toEqual([false, false, true]);
    gate.cancel();
    expect(second()).toBe(false);
  });
});

describe('runLoad', () => {
  it('an answer that arrives after a newer request started is dropped', async () => {
    const gate = latestGate();
    const states: Resource<string>[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const a = runLoad(
      gate,
      () => slow.promise,
      (s) => states.push(s),
    );
    const b = runLoad(
      gate,
      () => fast.promise,
      (s) => states.push(s),
    );
    fast.resolve('new');
    slow.resolve('old');
    await Promise.all([a, b]);
    expect(states).toEqual([{ status: 'loading' }, { status: 'loading' }, { status: 'ready', data: 'new' }]);
  });

  it('after cancel (the page left) nothing settles', async () => {
    const gate = latestGate();
    const set = jest.fn();
    const answer = deferred<number>();
    const run = runLoad(gate, () => answer.promise, set);
    gate.cancel();
    answer.resolve(1);
    await run;
    expect(set.mock.calls).toEqual([[{ status: 'loading' }]]);
  });

  it('a failure is a CloudError with a code to switch on; a stale failure is dropped', async () => {
    const gate = latestGate();
    const set = jest.fn();
    await runLoad(gate, () => Promise.reject(new CloudError('ACTIVITY.NOT_FOUND' as never, '活动不存在')), set);
    expect(set).toHaveBeenLastCalledWith({
      status: 'error',
      error: expect.objectContaining({ code: 'ACTIVITY.NOT_FOUND', message: '活动不存在' }),
    });
    await runLoad(gate, () => Promise.reject(new Error('boom')), set);
    expect(set.mock.calls.at(-1)?.[0]).toMatchObject({ status: 'error', error: { code: 'INTERNAL' } });
    const late = deferred<number>();
    const stale = runLoad(gate, () => late.promise, set);
    gate.next();
    late.reject(new Error('late'));
    await stale;
    expect(set.mock.calls.at(-1)?.[0]).toEqual({ status: 'loading' });
  });

  it('quiet keeps what is shown until the answer; onData sees each fresh answer; isEmpty names the empty one', async () => {
    const gate = latestGate();
    const set = jest.fn();
    const onData = jest.fn();
    await runLoad(gate, () => Promise.resolve([] as number[]), set, { quiet: true, onData, isEmpty: (xs) => xs.length === 0 });
    expect(set.mock.calls).toEqual([[{ status: 'empty', data: [] }]]);
    expect(onData).toHaveBeenCalledWith([]);
  });
});

describe('settled and hasData', () => {
  it('ready unless isEmpty says otherwise; both carry the data', () => {
    expect(settled([1], (xs) => xs.length === 0)).toEqual({ status: 'ready', data: [1] });
    expect(settled([], (xs: number[]) => xs.length === 0)).toEqual({ status: 'empty', data: [] });
    expect(settled(0)).toEqual({ status: 'ready', data: 0 });
    expect(hasData({ status: 'empty', data: [] })).toBe(true);
    expect(hasData({ status: 'loading' })).toBe(false);
  });
});
