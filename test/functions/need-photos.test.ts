// 现场照片 of a need through the emulator and its cloud storage: only the 需求方 adds and removes them, only while the
// need is open or dispatched; at most three even under simultaneous uploads (the refused file deleted); the picture
// limits of activity photos; need.get / mine / inbox answer { photoId, url } in one storage call per answer.
import { dataOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { FD_ADMIN, LZ_LEADER, NEED_TEAM, needInput, postNeed, seedNeedTeams } from '../helpers/needs';
import { NEED_PHOTOS_MAX } from '@contract/need';
import { GIF, PNG, jpegOf } from '../helpers/photos';
import { PHOTO_MAX_BYTES } from '@contract/photo';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00.000Z' });

const REQUESTER = 'community-1';
let needId: string;
beforeEach(async () => {
  await seedNeedTeams(t);
  needId = (await postNeed(t, REQUESTER, needInput('13812345678'))).needId;
});

const add = (who: string, bytes: Buffer, contentType: 'image/jpeg' | 'image/png' | 'image/webp' = 'image/png') =>
  t.call('need', 'addPhoto', { needId, contentType, dataBase64: bytes.toString('base64') }, who);
const remove = (who: string, photoId: string) => t.call('need', 'removePhoto', { needId, photoId }, who);
const stored = async () => (await t.emu.db.find('needs', { _id: needId }))[0] as { photos?: Record<string, unknown>[] };
const files = () => t.emu.files.list();
const storageStats = async () => (await t.dev<{ storage: Record<string, number> }>('GET', '/_dev/stats')).storage;

describe('need.addPhoto', () => {
  it('the 需求方 adds a PNG; need.get, need.mine and need.inbox answer it as { photoId, url }, served with its type', async () => {
    const { photo } = dataOf(await add(REQUESTER, PNG));
    expect(photo).toEqual({ photoId: expect.stringMatching(/^[0-9a-f]{16}$/), url: expect.stringContaining('/_files/') });
    expect((await stored()).photos).toEqual([
      {
        photoId: photo.photoId,
        fileId: expect.stringMatching(new RegExp(`^cloud://local-dev\\.[\\w-]+/needs/${needId}/${photo.photoId}\\.png$`)),
        contentType: 'image/png',
        size: PNG.length,
        addedBy: REQUESTER,
        addedAt: expect.any(Date),
      },
    ]);
    const mine = dataOf(await t.call('need', 'get', { needId }, REQUESTER)).need;
    expect(mine.photos).toEqual([{ photoId: photo.photoId, url: expect.any(String) }]);
    expect(mine.can.photos).toBe(true);
    const res = await fetch(mine.photos[0].url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    const team = dataOf(await t.call('need', 'get', { needId }, FD_ADMIN)).need;
    expect(team.photos).toHaveLength(1);
    expect(team.can.photos).toBe(false);
    expect(dataOf(await t.call('need', 'mine', {}, REQUESTER)).items[0].photos).toHaveLength(1);
    expect(dataOf(await t.call('need', 'inbox', { box: 'toDispatch' }, LZ_LEADER)).items[0].photos).toHaveLength(1);
  });

  it('every answer asks cloud storage once for all its photos, and not at all without photos', async () => {
    await t.dev('DELETE', '/_dev/stats');
    dataOf(await t.call('need', 'mine', {}, REQUESTER));
    expect(await storageStats()).toEqual({});
    const other = (await postNeed(t, REQUESTER, needInput('13812345679', { title: '青少年编程科普活动' }))).needId;
    for (let i = 0; i < 2; i++) dataOf(await add(REQUESTER, PNG));
    dataOf(await t.call('need', 'addPhoto', { needId: other, contentType: 'image/png', dataBase64: PNG.toString('base64') }, REQUESTER));
    for (const [fn, input, who] of [
      ['mine', {}, REQUESTER],
      ['inbox', { box: 'toDispatch' }, FD_ADMIN],
      ['get', { needId }, REQUESTER],
    ] as const) {
      await t.dev('DELETE', '/_dev/stats');
      dataOf(await t.callRaw('need', fn, input, who));
      expect(await storageStats()).toEqual({ 'storage.batchGetDownloadUrl': 1 });
    }
    const items = dataOf(await t.call('need', 'mine', {}, REQUESTER)).items;
    expect(items.map((n) => [n.needId, n.photos.length])).toEqual([
      [other, 1],
      [needId, 2],
    ]);
  });

  it('only the 需求方: the team, a stranger and nobody are refused, nothing stored', async () => {
    for (const who of [FD_ADMIN, LZ_LEADER]) expect(refusalOf(await add(who, PNG))).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(refusalOf(await add('stranger', PNG))).toMatchObject({ code: 'NEED.NOT_FOUND' });
    expect(
      refusalOf(await t.call('need', 'addPhoto', { needId, contentType: 'image/png', dataBase64: PNG.toString('base64') })),
    ).toMatchObject({
      code: 'AUTH.UNAUTHENTICATED',
    });
    expect(
      refusalOf(
        await t.call('need', 'addPhoto', { needId: 'nope', contentType: 'image/png', dataBase64: PNG.toString('base64') }, REQUESTER),
      ),
    ).toMatchObject({ code: 'NEED.NOT_FOUND' });
    expect((await stored()).photos).toBeUndefined();
    expect(await files()).toEqual([]);
  });

  it('while open or dispatched only: once accepted (or closed) NEED.STATE_CHANGED, nothing stored', async () => {
    dataOf(await t.call('need', 'dispatch', { needId, orgId: NEED_TEAM._id }, LZ_LEADER));
    expect(await add(REQUESTER, PNG)).toMatchObject({ ok: true });
    dataOf(await t.call('need', 'accept', { needId }, FD_ADMIN));
    const need = dataOf(await t.call('need', 'get', { needId }, REQUESTER)).need;
    expect(need.can.photos).toBe(false);
    expect(refusalOf(await add(REQUESTER, PNG))).toMatchObject({
      code: 'NEED.STATE_CHANGED',
      message: '需求已接单或已关闭，不能再修改现场照片',
    });
    expect(refusalOf(await remove(REQUESTER, need.photos[0].photoId))).toMatchObject({ code: 'NEED.STATE_CHANGED' });
    expect((await stored()).photos).toHaveLength(1);
    expect(await files()).toHaveLength(1);
  });

  it(`at most ${NEED_PHOTOS_MAX}: of two simultaneous uploads onto two, one is kept and the other refused with its file deleted`, async () => {
    for (let i = 0; i < NEED_PHOTOS_MAX - 1; i++) dataOf(await add(REQUESTER, PNG));
    const both = await Promise.all([add(REQUESTER, jpegOf(2000), 'image/jpeg'), add(REQUESTER, jpegOf(3000), 'image/jpeg')]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok).map((r) => refusalOf(r).code)).toEqual(['NEED.TOO_MANY_PHOTOS']);
    expect((await stored()).photos).toHaveLength(NEED_PHOTOS_MAX);
    expect(await files()).toHaveLength(NEED_PHOTOS_MAX);
    // A fourth, later, is refused before anything is stored.
    expect(refusalOf(await add(REQUESTER, PNG))).toMatchObject({
      code: 'NEED.TOO_MANY_PHOTOS',
      message: '每个需求最多3张现场照片，请先删除不需要的照片',
    });
    expect(await files()).toHaveLength(NEED_PHOTOS_MAX);
  });

  it('FILE.BAD_TYPE for a GIF or bytes the declared type contradicts; FILE.TOO_LARGE one byte over 1 MB; VALIDATION for bad input', async () => {
    expect(refusalOf(await add(REQUESTER, GIF, 'image/png'))).toMatchObject({
      code: 'FILE.BAD_TYPE',
      message: '仅支持JPEG、PNG或WebP格式的图片',
    });
    expect(refusalOf(await add(REQUESTER, PNG, 'image/jpeg'))).toMatchObject({
      code: 'FILE.BAD_TYPE',
      details: { declared: 'image/jpeg', actual: 'image/png' },
    });
    expect(refusalOf(await add(REQUESTER, jpegOf(PHOTO_MAX_BYTES + 1), 'image/jpeg'))).toMatchObject({
      code: 'FILE.TOO_LARGE',
      message: '图片不能超过1MB，请压缩后再上传',
    });
    for (const bad of [
      { needId, contentType: 'image/gif', dataBase64: GIF.toString('base64') },
      { needId, contentType: 'image/png', dataBase64: 'not base64!' },
      { needId, contentType: 'image/png', dataBase64: '' },
      { contentType: 'image/png', dataBase64: PNG.toString('base64') },
    ])
      expect(refusalOf(await t.callRaw('need', 'addPhoto', bad, REQUESTER))).toMatchObject({ code: 'VALIDATION' });
    expect((await stored()).photos).toBeUndefined();
    expect(await files()).toEqual([]);
  });
});

describe('need.removePhoto', () => {
  it('the 需求方 removes a photo and its file; the team may not; a second removal is NEED.PHOTO_NOT_FOUND', async () => {
    const a = dataOf(await add(REQUESTER, PNG)).photo;
    const b = dataOf(await add(REQUESTER, jpegOf(100), 'image/jpeg')).photo;
    expect(refusalOf(await remove(FD_ADMIN, a.photoId))).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(dataOf(await remove(REQUESTER, a.photoId))).toEqual({ removed: true });
    expect(refusalOf(await remove(REQUESTER, a.photoId))).toMatchObject({ code: 'NEED.PHOTO_NOT_FOUND', message: '照片不存在或已删除' });
    expect(dataOf(await t.call('need', 'get', { needId }, REQUESTER)).need.photos).toEqual([
      { photoId: b.photoId, url: expect.any(String) },
    ]);
    expect(await files()).toHaveLength(1);
    // The freed place takes a photo again.
    for (let i = 0; i < NEED_PHOTOS_MAX - 1; i++) dataOf(await add(REQUESTER, PNG));
    expect((await stored()).photos).toHaveLength(NEED_PHOTOS_MAX);
  });
});
