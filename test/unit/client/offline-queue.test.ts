// Scans queued on the phone (src/services/offline-queue.ts): kept in storage across a failed upload, retried by
// themselves after a network failure, removed only when the server has answered them, one upload at a time.
const mockStorage = new Map<string, unknown>();
const mockRequest = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (...args: unknown[]) => mockRequest(...args),
    getStorageSync: (key: string) => (mockStorage.has(key) ? JSON.parse(JSON.stringify(mockStorage.get(key))) : ''),
    setStorageSync: (key: string, value: unknown) => mockStorage.set(key, JSON.parse(JSON.stringify(value))),
    getStorageInfoSync: () => ({ keys: [...mockStorage.keys()] }),
    onNetworkStatusChange: () => undefined,
    onAppShow: () => undefined,
  },
}));

import { offlineQueue, type Queued } from '../../../src/services/offline-queue';
import type { OfflineItemResult } from '../../../types/checkin';

type Item = Queued & { payload: string };
const item = (n: number): Item => ({
  nonce: `nonce-${String(n).padStart(4, '0')}`,
  claimedAt: '2026-06-01T01:00:00.000Z',
  payload: `p${n}`,
});
const recorded = (items: Item[]): OfflineItemResult[] => items.map((i) => ({ nonce: i.nonce, result: 'recorded' }));
const networkError = () => Object.assign(new Error('网络异常，请检查网络后重试'), { name: 'CloudError', code: 'NETWORK' });

beforeEach(() => {
  mockStorage.clear();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

it('keeps a scan through a network failure, retries by itself and removes it only once the server answered', async () => {
  const upload = jest.fn<Promise<OfflineItemResult[]>, [Item[]]>();
  upload.mockRejectedValueOnce(networkError()).mockImplementation(async (items) => recorded(items));
  const queue = offlineQueue<Item>('test.q1', upload);

  queue.add(item(1));
  await queue.flush();
  expect(upload).toHaveBeenCalledTimes(1);
  expect(queue.count()).toBe(1);
  expect(queue.state().lastError?.code).toBe('NETWORK');
  expect((mockStorage.get('test.q1') as { items: Item[] }).items).toHaveLength(1);

  await jest.advanceTimersByTimeAsync(5000);
  expect(upload).toHaveBeenCalledTimes(2);
  expect(queue.count()).toBe(0);
  expect(queue.state().lastError).toBeUndefined();
  expect(queue.state().done[0]).toMatchObject({ item: { nonce: 'nonce-0001' }, result: { result: 'recorded' } });
  expect(queue.state().lastSyncAt).toEqual(expect.any(String));
});

it('a queue left in storage by an earlier run is read back', async () => {
  mockStorage.set('test.q2', { items: [item(7)], done: [] });
  const upload = jest.fn(async (items: Item[]) => recorded(items));
  const queue = offlineQueue<Item>('test.q2', upload);
  expect(queue.count()).toBe(1);
  await queue.flush();
  expect(upload).toHaveBeenCalledWith([expect.objectContaining({ nonce: 'nonce-0007', payload: 'p7' })]);
  expect(queue.count()).toBe(0);
});

it('sends 120 queued scans as batches of at most 50, and two flushes at once upload each scan once', async () => {
  const seen: string[] = [];
  const upload = jest.fn(async (items: Item[]) => {
    seen.push(...items.map((i) => i.nonce));
    return recorded(items);
  });
  mockStorage.set('test.q3', { items: Array.from({ length: 120 }, (_, n) => item(n)), done: [] });
  const queue = offlineQueue<Item>('test.q3', upload);
  await Promise.all([queue.flush(), queue.flush()]);
  expect(upload.mock.calls.map(([items]) => items.length)).toEqual([50, 50, 20]);
  expect(new Set(seen).size).toBe(120);
  expect(queue.count()).toBe(0);
});

it('a refusal of the whole upload (not the network) keeps the scans and waits for a tap instead of retrying', async () => {
  const upload = jest.fn<Promise<OfflineItemResult[]>, [Item[]]>();
  upload
    .mockImplementation(async (items) => recorded(items))
    .mockRejectedValueOnce(Object.assign(new Error('没有权限'), { name: 'CloudError', code: 'AUTH.FORBIDDEN' }));
  const queue = offlineQueue<Item>('test.q4', upload);
  queue.add(item(1));
  await queue.flush();
  await jest.advanceTimersByTimeAsync(10 * 60_000);
  expect(upload).toHaveBeenCalledTimes(1);
  expect(queue.count()).toBe(1);
  expect(queue.state().lastError).toMatchObject({ code: 'AUTH.FORBIDDEN', message: '没有权限' });
});

it('an item the server left out of its answer stays queued', async () => {
  mockStorage.set('test.q5', { items: [item(1), item(2)], done: [] });
  const upload = jest.fn(async (items: Item[]) => recorded(items.slice(1)));
  const queue = offlineQueue<Item>('test.q5', upload);
  await queue.flush();
  expect(queue.state().items.map((i) => i.nonce)).toEqual(['nonce-0001']);
});

it('a scan queued while an upload is under way goes in the next upload', async () => {
  let release: () => void = () => undefined;
  const upload = jest.fn(async (items: Item[]) => {
    if (upload.mock.calls.length === 1) await new Promise<void>((r) => (release = r));
    return recorded(items);
  });
  const queue = offlineQueue<Item>('test.q6', upload);
  queue.add(item(1));
  queue.add(item(2));
  const done = queue.flush();
  release();
  await done;
  expect(upload.mock.calls.map(([items]) => items.map((i) => i.nonce))).toEqual([['nonce-0001'], ['nonce-0002']]);
  expect(queue.count()).toBe(0);
});
