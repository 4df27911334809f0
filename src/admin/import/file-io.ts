// Moving .xlsx files between the platform and base64: save/open the template (utils/file-save), pick the filled-in file.
import Taro from '@tarojs/taro';
export { saveFile } from '../../utils/file-save';

export type PickedFile = { name: string; base64: string };

/** The one hidden file input of the h5 build (kept in the DOM so browsers and tests can drive it). */
function h5FileInput(): HTMLInputElement {
  const existing = document.querySelector<HTMLInputElement>('input.import-file-input');
  if (existing) return existing;
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.xlsx';
  input.className = 'import-file-input';
  input.style.display = 'none';
  document.body.appendChild(input);
  return input;
}

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** Resolves null when the user closes the chooser without a file. */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    const input = h5FileInput();
    input.value = '';
    const file = await new Promise<File | null>((resolve) => {
      input.onchange = () => resolve(input.files?.[0] ?? null);
      input.click();
    });
    return file ? { name: file.name, base64: await readAsBase64(file) } : null;
  }
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
  } catch {
    return null;
  }
  const picked = chosen.tempFiles[0];
  if (!picked) return null;
  const base64 = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: picked.path,
      encoding: 'base64',
      success: (r) => resolve(String(r.data)),
      fail: reject,
    }),
  );
  return { name: picked.name, base64 };
}
