// A team's 公章 picture is judged by its own bytes: PNG or JPEG, at most 512 KB, a size in pixels its header states.
import { judgeSeal } from '../../../cloudfunctions/common/domain/seal';
import { SEAL_MAX_BYTES } from '@contract/org';
import { sealJpegHeader, sealPng } from '../../helpers/seal';

describe('domain/seal', () => {
  it('keeps a PNG or a JPEG whose header states its size', () => {
    expect(judgeSeal('image/png', sealPng(64))).toEqual({ ok: true, type: 'image/png', width: 64, height: 64 });
    expect(judgeSeal('image/jpeg', sealJpegHeader(300, 200))).toEqual({ ok: true, type: 'image/jpeg', width: 300, height: 200 });
  });

  it('refuses a type the bytes contradict, WebP, and bytes of no known type', () => {
    expect(judgeSeal('image/jpeg', sealPng())).toEqual({ ok: false, problem: 'typeMismatch', actual: 'image/png' });
    const webp = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1');
    expect(judgeSeal('image/png', webp)).toEqual({ ok: false, problem: 'badType', actual: 'image/webp' });
    expect(judgeSeal('image/png', Buffer.from('<svg/>'))).toMatchObject({ ok: false, problem: 'badType' });
  });

  it('refuses more than 512 KB before anything else; exactly 512 KB is judged on', () => {
    const png = sealPng();
    expect(judgeSeal('image/png', Buffer.concat([png, Buffer.alloc(SEAL_MAX_BYTES + 1 - png.length)]))).toEqual({
      ok: false,
      problem: 'tooLarge',
    });
    expect(judgeSeal('image/png', Buffer.concat([png, Buffer.alloc(SEAL_MAX_BYTES - png.length)]))).toMatchObject({ ok: true });
  });

  it('refuses a truncated file, and sides under 32 or over 4096 pixels', () => {
    expect(judgeSeal('image/png', sealPng().subarray(0, 20))).toEqual({ ok: false, problem: 'badImage' });
    expect(judgeSeal('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ ok: false, problem: 'badImage' });
    expect(judgeSeal('image/png', sealPng(31))).toEqual({ ok: false, problem: 'badImage' });
    expect(judgeSeal('image/png', sealPng(32))).toMatchObject({ ok: true });
    expect(judgeSeal('image/jpeg', sealJpegHeader(4097, 100))).toEqual({ ok: false, problem: 'badImage' });
    expect(judgeSeal('image/jpeg', sealJpegHeader(4096, 4096))).toMatchObject({ ok: true });
  });
});
