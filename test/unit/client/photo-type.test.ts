// The phone names a picture's type by its first bytes before upload (the server checks again).
import { photoTypeOfBase64 } from '@contract/photo';

const b64 = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))).toString('base64');

test.each([
  ['jpeg', b64([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
  ['png', b64([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
  ['webp (lossy)', b64('RIFF', [0x24, 0x10, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ['webp (lossless, another size)', b64('RIFF', [0xfe, 0xff, 0x0f, 0], 'WEBPVP8L'), 'image/webp'],
])('%s is known by its bytes', (_, base64, type) => {
  expect(photoTypeOfBase64(base64)).toBe(type);
});

test.each([
  ['a RIFF that is not WEBP (a WAVE sound)', b64('RIFF', [0x24, 0x10, 0, 0], 'WAVEfmt ')],
  ['a GIF', b64('GIF89a', [1, 0, 1, 0])],
  ['text', b64('hello world, not a picture')],
  ['nothing', ''],
])('%s is no photo', (_, base64) => {
  expect(photoTypeOfBase64(base64)).toBeUndefined();
});
