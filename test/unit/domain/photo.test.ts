// Pictures are judged by their own first bytes and size, never by the declared type alone.
import { judgePhoto, mayAddPhoto, sniffPhotoType, unknownPhotoIds } from '../../../cloudfunctions/common/domain/photo';
import { PHOTO_MAX_BYTES } from '@contract/photo';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const webp = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1');

describe('domain/photo', () => {
  it('knows jpeg, png and webp by their magic numbers, and nothing else', () => {
    expect(sniffPhotoType(jpeg)).toBe('image/jpeg');
    expect(sniffPhotoType(png)).toBe('image/png');
    expect(sniffPhotoType(webp)).toBe('image/webp');
    expect(sniffPhotoType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffPhotoType(Buffer.from('RIFF\x10\x00\x00\x00WAVE', 'latin1'))).toBeUndefined();
    expect(sniffPhotoType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(sniffPhotoType(Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses too large before the type, a type the bytes contradict, and bytes of no known type', () => {
    expect(judgePhoto('image/png', png)).toEqual({ ok: true, type: 'image/png', size: png.length });
    expect(judgePhoto('image/jpeg', png)).toMatchObject({ ok: false, problem: 'typeMismatch', actual: 'image/png' });
    expect(judgePhoto('image/png', Buffer.from('<svg/>'))).toMatchObject({ ok: false, problem: 'badType' });
    const big = Buffer.concat([jpeg, Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect(judgePhoto('image/jpeg', big)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(judgePhoto('image/jpeg', big.subarray(0, PHOTO_MAX_BYTES))).toMatchObject({ ok: true });
  });

  it('nine photos per activity; the 回顾 names only the activity’s own', () => {
    expect(mayAddPhoto(8)).toBe(true);
    expect(mayAddPhoto(9)).toBe(false);
    expect(unknownPhotoIds(['a', 'x'], [{ photoId: 'a' }, { photoId: 'b' }])).toEqual(['x']);
    expect(unknownPhotoIds([], [])).toEqual([]);
  });
});
