// 活动照片, the 回顾 and notice images through the emulator and its cloud storage: who may add and remove photos, the
// limits (1 MB, jpeg/png/webp by the bytes themselves, nine per activity even under simultaneous uploads), bad input
// writing nothing, what activity.get answers, the 回顾's choice of the activity's own photos, and pictures in notices.
import { LZ_TS_STAFF, dataOf, publishActivity, refusalOf, seedLanzhou, seedStaff, useTestEmulator } from '../helpers/emulator';
import { GIF, PNG, jpegOf } from '../helpers/photos';
import { ACTIVITY_PHOTOS_MAX, PHOTO_MAX_BYTES } from '@contract/photo';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

let activityId: string;
beforeEach(async () => {
  await seedLanzhou(t, { tianshui: {} });
  await seedStaff(t, LZ_TS_STAFF.slice(1));
  activityId = (await publishActivity(t, 'lz-admin', 'lz'))._id;
});

const add = (who: string, bytes: Buffer, contentType: 'image/jpeg' | 'image/png' | 'image/webp' = 'image/png') =>
  t.call('activity', 'addPhoto', { activityId, contentType, dataBase64: bytes.toString('base64') }, who);
const stored = async () =>
  (await t.emu.db.find('activities', { _id: activityId }))[0] as { photos?: Record<string, unknown>[]; recapPhotoIds?: string[] };
const files = () => t.emu.files.list();

describe('activity.addPhoto', () => {
  it('a manager adds a PNG; everyone sees it in activity.get as { photoId, url } only, served with its type', async () => {
    const { photo } = dataOf(await add('lz-admin', PNG));
    expect(photo).toEqual({ photoId: expect.stringMatching(/^[0-9a-f]{16}$/), url: expect.stringContaining('/_files/') });
    const got = dataOf(await t.call('activity', 'get', { activityId }, 'lz-member'));
    expect(got.photos).toEqual([{ photoId: photo.photoId, url: expect.any(String) }]);
    const res = await fetch(got.photos[0].url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    expect((await stored()).photos).toEqual([
      {
        photoId: photo.photoId,
        fileId: expect.stringMatching(new RegExp(`^cloud://local-dev\\.[\\w-]+/activities/${activityId}/${photo.photoId}\\.png$`)),
        contentType: 'image/png',
        size: PNG.length,
        addedBy: 'lz-admin',
        addedAt: expect.any(Date),
      },
    ]);
    expect(dataOf(await t.call('activity', 'get', { activityId }, 'stranger')).photos).toHaveLength(1);
  });

  it('activity.get asks cloud storage once for every photo’s address, and not at all without photos', async () => {
    const stats = async () => (await t.dev<{ storage: Record<string, number> }>('GET', '/_dev/stats')).storage;
    await t.dev('DELETE', '/_dev/stats');
    dataOf(await t.call('activity', 'get', { activityId }, 'lz-member'));
    expect(await stats()).toEqual({});
    for (let i = 0; i < 3; i++) dataOf(await add('lz-admin', PNG));
    await t.dev('DELETE', '/_dev/stats');
    expect(dataOf(await t.call('activity', 'get', { activityId }, 'lz-member')).photos).toHaveLength(3);
    expect(await stats()).toEqual({ 'storage.batchGetDownloadUrl': 1 });
  });

  it('a picture of exactly 1 MB (about 1.4 million base64 characters) passes the event bounds and is kept; one byte more is FILE.TOO_LARGE', async () => {
    const limit = jpegOf(PHOTO_MAX_BYTES);
    expect(limit.toString('base64').length).toBeGreaterThan(1_390_000);
    expect(await add('lz-admin', limit, 'image/jpeg')).toMatchObject({ ok: true });
    expect(refusalOf(await add('lz-admin', jpegOf(PHOTO_MAX_BYTES + 1), 'image/jpeg'))).toMatchObject({
      code: 'FILE.TOO_LARGE',
      message: '图片不能超过1MB，请压缩后再上传',
    });
    // Far larger is refused by the contract before anything is decoded.
    expect(refusalOf(await add('lz-admin', jpegOf(2 * PHOTO_MAX_BYTES), 'image/jpeg'))).toMatchObject({ code: 'VALIDATION' });
    expect((await stored()).photos).toHaveLength(1);
    expect(await files()).toHaveLength(1);
  });

  it('FILE.BAD_TYPE: a GIF, or bytes that are not what the declared type says; VALIDATION: a type not offered', async () => {
    expect(refusalOf(await add('lz-admin', GIF, 'image/png'))).toMatchObject({
      code: 'FILE.BAD_TYPE',
      message: '仅支持JPEG、PNG或WebP格式的图片',
    });
    expect(refusalOf(await add('lz-admin', PNG, 'image/jpeg'))).toMatchObject({
      code: 'FILE.BAD_TYPE',
      message: '图片内容与声明的格式不符，请重新选择图片',
      details: { declared: 'image/jpeg', actual: 'image/png' },
    });
    expect(refusalOf(await add('lz-admin', Buffer.from('<svg/>'), 'image/webp'))).toMatchObject({ code: 'FILE.BAD_TYPE' });
    const gif = await t.callRaw(
      'activity',
      'addPhoto',
      { activityId, contentType: 'image/gif', dataBase64: GIF.toString('base64') },
      'lz-admin',
    );
    expect(refusalOf(gif)).toMatchObject({ code: 'VALIDATION' });
    expect((await stored()).photos).toBeUndefined();
    expect(await files()).toEqual([]);
  });

  it('bad input writes nothing: not base64, empty, no activity', async () => {
    for (const dataBase64 of ['not base64!', '']) {
      const r = await t.callRaw('activity', 'addPhoto', { activityId, contentType: 'image/png', dataBase64 }, 'lz-admin');
      expect(refusalOf(r)).toMatchObject({ code: 'VALIDATION' });
    }
    expect(
      refusalOf(
        await t.call(
          'activity',
          'addPhoto',
          { activityId: 'nope', contentType: 'image/png', dataBase64: PNG.toString('base64') },
          'lz-admin',
        ),
      ),
    ).toMatchObject({
      code: 'ACTIVITY.NOT_FOUND',
    });
    expect((await stored()).photos).toBeUndefined();
    expect(await files()).toEqual([]);
  });

  it('AUTH.FORBIDDEN for a member, another team’s admin, an ancestor’s leader and nobody; nothing stored', async () => {
    for (const who of ['lz-member', 'ts-admin', 'root-leader'])
      expect(refusalOf(await add(who, PNG))).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(
      refusalOf(await t.call('activity', 'addPhoto', { activityId, contentType: 'image/png', dataBase64: PNG.toString('base64') })),
    ).toMatchObject({
      code: 'AUTH.UNAUTHENTICATED',
    });
    expect((await stored()).photos).toBeUndefined();
    expect(await files()).toEqual([]);
  });

  it('at most nine: of two simultaneous uploads onto eight, one is kept and the other refused with its file deleted', async () => {
    for (let i = 0; i < ACTIVITY_PHOTOS_MAX - 1; i++) dataOf(await add('lz-admin', PNG));
    const both = await Promise.all([add('lz-admin', jpegOf(2000), 'image/jpeg'), add('lz-admin', jpegOf(3000), 'image/jpeg')]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok).map((r) => refusalOf(r).code)).toEqual(['ACTIVITY.TOO_MANY_PHOTOS']);
    expect((await stored()).photos).toHaveLength(ACTIVITY_PHOTOS_MAX);
    expect(await files()).toHaveLength(ACTIVITY_PHOTOS_MAX);
    // A tenth, later, is refused before anything is stored.
    expect(refusalOf(await add('lz-admin', PNG))).toMatchObject({
      code: 'ACTIVITY.TOO_MANY_PHOTOS',
      message: '每个活动最多9张照片，请先删除不需要的照片',
    });
    expect(await files()).toHaveLength(ACTIVITY_PHOTOS_MAX);
  });

  it('ACTIVITY.CANCELLED: a cancelled activity takes no photos', async () => {
    dataOf(await t.call('activity', 'cancel', { activityId, reason: '天气原因' }, 'lz-admin'));
    expect(refusalOf(await add('lz-admin', PNG))).toMatchObject({ code: 'ACTIVITY.CANCELLED' });
    expect(await files()).toEqual([]);
  });
});

describe('activity.removePhoto', () => {
  it('a manager removes a photo: off the activity, its 回顾 and cloud storage; twice is ACTIVITY.PHOTO_NOT_FOUND', async () => {
    const a = dataOf(await add('lz-admin', PNG)).photo;
    const b = dataOf(await add('lz-admin', PNG)).photo;
    await t.setClock('2026-12-03T02:00:00Z');
    dataOf(await t.call('activity', 'recordServed', { activityId, servedCount: 10, recapPhotoIds: [a.photoId, b.photoId] }, 'lz-admin'));
    expect(refusalOf(await t.call('activity', 'removePhoto', { activityId, photoId: a.photoId }, 'lz-member'))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    expect(dataOf(await t.call('activity', 'removePhoto', { activityId, photoId: a.photoId }, 'lz-admin'))).toEqual({ removed: true });
    expect(refusalOf(await t.call('activity', 'removePhoto', { activityId, photoId: a.photoId }, 'lz-admin'))).toMatchObject({
      code: 'ACTIVITY.PHOTO_NOT_FOUND',
    });
    const doc = await stored();
    expect(doc.photos?.map((p) => p.photoId)).toEqual([b.photoId]);
    expect(doc.recapPhotoIds).toEqual([b.photoId]);
    expect(await files()).toHaveLength(1);
    const got = dataOf(await t.call('activity', 'get', { activityId }, 'lz-member'));
    expect(got.photos.map((p) => p.photoId)).toEqual([b.photoId]);
    expect(got.activity.recapPhotoIds).toEqual([b.photoId]);
  });
});

describe('the 回顾 (activity.recordServed)', () => {
  it('chooses the activity’s own photos; another activity’s or an unknown id is ACTIVITY.PHOTO_NOT_FOUND with nothing written', async () => {
    const mine = dataOf(await add('lz-admin', PNG)).photo;
    const otherId = (await publishActivity(t, 'lz-admin', 'lz', { title: '另一场科普活动' }))._id;
    const theirs = dataOf(
      await t.call(
        'activity',
        'addPhoto',
        { activityId: otherId, contentType: 'image/png', dataBase64: PNG.toString('base64') },
        'lz-admin',
      ),
    ).photo;
    await t.setClock('2026-12-03T02:00:00Z');
    expect(
      refusalOf(
        await t.call(
          'activity',
          'recordServed',
          { activityId, servedCount: 50, summary: '讲解防灾知识', recapPhotoIds: [mine.photoId, theirs.photoId] },
          'lz-admin',
        ),
      ),
    ).toMatchObject({ code: 'ACTIVITY.PHOTO_NOT_FOUND', message: '回顾只能选用本活动的照片', details: { photoIds: [theirs.photoId] } });
    expect((await stored()).recapPhotoIds).toBeUndefined();
    expect((await stored()) as Record<string, unknown>).not.toHaveProperty('servedCount');

    const done = dataOf(
      await t.call(
        'activity',
        'recordServed',
        { activityId, servedCount: 50, summary: '讲解防灾知识', recapPhotoIds: [mine.photoId] },
        'lz-admin',
      ),
    );
    expect(done.activity).toMatchObject({ summary: '讲解防灾知识', recapPhotoIds: [mine.photoId] });
    // A correction without recapPhotoIds keeps the choice.
    dataOf(await t.call('activity', 'recordServed', { activityId, servedCount: 60 }, 'lz-admin'));
    expect(dataOf(await t.call('activity', 'get', { activityId }, 'stranger')).activity).toMatchObject({
      servedCount: 60,
      recapPhotoIds: [mine.photoId],
    });
    // More than nine, or one twice: VALIDATION.
    const ten = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(
      refusalOf(await t.call('activity', 'recordServed', { activityId, servedCount: 1, recapPhotoIds: ten }, 'lz-admin')),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(
      refusalOf(
        await t.call('activity', 'recordServed', { activityId, servedCount: 1, recapPhotoIds: [mine.photoId, mine.photoId] }, 'lz-admin'),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('notice images (org.addNoticeImage)', () => {
  it('a manager uploads a picture, publishes it in an image block, and a member reads the notice with a temporary address', async () => {
    const { fileId, url } = dataOf(
      await t.call('org', 'addNoticeImage', { orgId: 'lz', contentType: 'image/png', dataBase64: PNG.toString('base64') }, 'lz-admin'),
    );
    expect(fileId).toMatch(/^cloud:\/\/local-dev\.[\w-]+\/notices\/lz\/[0-9a-f]{16}\.png$/);
    expect((await fetch(url)).status).toBe(200);
    const { notice } = dataOf(
      await t.call(
        'org',
        'publishNotice',
        {
          orgId: 'lz',
          title: '冬季科普活动照片',
          body: [
            { type: 'text', text: '活动现场照片如下。' },
            { type: 'image', src: fileId },
            { type: 'image', src: 'https://example.com/a.png' },
          ],
        },
        'lz-admin',
      ),
    );
    const read = dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'lz-member')).notice;
    expect(read.body[1]).toEqual({ type: 'image', src: fileId, url: expect.stringContaining('/_files/') });
    expect(read.body[2]).toEqual({ type: 'image', src: 'https://example.com/a.png', url: 'https://example.com/a.png' });
    const res = await fetch((read.body[1] as { url: string }).url);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it('AUTH.FORBIDDEN for a member and another team’s admin; FILE.BAD_TYPE and FILE.TOO_LARGE as for photos; nothing stored', async () => {
    const png = PNG.toString('base64');
    for (const who of ['lz-member', 'ts-admin'])
      expect(
        refusalOf(await t.call('org', 'addNoticeImage', { orgId: 'lz', contentType: 'image/png', dataBase64: png }, who)),
      ).toMatchObject({
        code: 'AUTH.FORBIDDEN',
      });
    expect(
      refusalOf(
        await t.call('org', 'addNoticeImage', { orgId: 'lz', contentType: 'image/png', dataBase64: GIF.toString('base64') }, 'lz-admin'),
      ),
    ).toMatchObject({
      code: 'FILE.BAD_TYPE',
    });
    expect(
      refusalOf(
        await t.call(
          'org',
          'addNoticeImage',
          { orgId: 'lz', contentType: 'image/jpeg', dataBase64: jpegOf(PHOTO_MAX_BYTES + 1).toString('base64') },
          'lz-admin',
        ),
      ),
    ).toMatchObject({ code: 'FILE.TOO_LARGE' });
    expect(await files()).toEqual([]);
  });
});
