// A picture from the phone for upload (活动照片, notice images): on weapp chosen from the album or camera already
// compressed (chooseImage sizeType compressed, then compressImage), on h5 from the one hidden file input (browsers and
// tests drive it), shrunk on a canvas when larger than the server takes. Answered as base64 with the type its own first
// bytes say; the server checks both again.
import Taro from '@tarojs/taro';
import { PHOTO_MAX_BYTES, base64Bytes, photoTypeOfBase64, type PhotoType } from '@contract/photo';

export type PickedPhoto = { contentType: PhotoType; base64: string };

export { base64Bytes, photoTypeOfBase64 } from '@contract/photo';

export class PhotoPickError extends Error {}

function picked(base64: string): PickedPhoto {
  const contentType = photoTypeOfBase64(base64);
  if (!contentType) throw new PhotoPickError('仅支持JPEG、PNG或WebP格式的图片');
  if (base64Bytes(base64) > PHOTO_MAX_BYTES) throw new PhotoPickError('图片压缩后仍超过1MB，请换一张图片');
  return { contentType, base64 };
}

/** The hidden file input of the h5 build (kept in the DOM so browsers and tests can drive it). */
function h5PhotoInput(): HTMLInputElement {
  const existing = document.querySelector<HTMLInputElement>('input.photo-file-input');
  if (existing) return existing;
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/jpeg,image/png,image/webp';
  input.className = 'photo-file-input';
  input.style.display = 'none';
  document.body.appendChild(input);
  return input;
}

function dataUrlOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('读取图片失败'));
    reader.readAsDataURL(file);
  });
}

/** A picture over the limit, redrawn as a JPEG at most 1600 px on its longer side. */
async function shrinkOnCanvas(dataUrl: string): Promise<string> {
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new PhotoPickError('无法读取这张图片'));
    img.src = dataUrl;
  });
  const scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.8);
}

const withoutPrefix = (dataUrl: string) => dataUrl.replace(/^data:[^,]*,/, '');

/** Resolves null when the person closes the chooser without a picture; PhotoPickError says what is wrong with one. */
export async function pickPhoto(): Promise<PickedPhoto | null> {
  if (process.env.TARO_ENV === 'h5') {
    const input = h5PhotoInput();
    input.value = '';
    const file = await new Promise<File | null>((resolve) => {
      input.onchange = () => resolve(input.files?.[0] ?? null);
      input.click();
    });
    if (!file) return null;
    let dataUrl = await dataUrlOf(file);
    if (file.size > PHOTO_MAX_BYTES) dataUrl = await shrinkOnCanvas(dataUrl);
    return picked(withoutPrefix(dataUrl));
  }
  let path: string | undefined;
  try {
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    path = chosen.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  const size = await new Promise<number>((resolve) =>
    Taro.getFileSystemManager().getFileInfo({ filePath: path!, success: (r) => resolve(r.size), fail: () => resolve(Infinity) }),
  );
  // Already small: sent as chosen (a PNG stays a PNG); otherwise compressed again (a JPEG).
  if (size > PHOTO_MAX_BYTES / 2) path = (await Taro.compressImage({ src: path, quality: 70 })).tempFilePath;
  const base64 = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath: path, encoding: 'base64', success: (r) => resolve(String(r.data)), fail: reject }),
  );
  return picked(base64);
}
