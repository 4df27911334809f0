// Files between the person and the app: a generated file (xlsx export, PDF certificate, a stored hand-off file) is handed
// over as a download on h5, and on weapp written to the user data folder and opened with the system viewer (whose menu
// forwards it to a WeChat chat or saves it); a filled-in .xlsx (集体注册) is picked from a chat or the disk.
import Taro from '@tarojs/taro';

export type SavedFile = { fileName: string; base64: string };

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
};

function extensionOf(fileName: string): 'xlsx' | 'pdf' {
  return fileName.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
}

/** h5: hands the browser a file to download under `fileName`. */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function saveFile(file: SavedFile): Promise<void> {
  const ext = extensionOf(file.fileName);
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    downloadBlob(new Blob([bytes], { type: MIME[ext] }), file.fileName);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: reject }),
  );
  await Taro.openDocument({ filePath, fileType: ext, showMenu: true });
}

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

/**
 * A file the server stored, by its temporary address (对接全国系统's xlsx and JSON): a download on h5; on weapp an xlsx
 * opens in the system viewer and a JSON file (which the viewer cannot open) is forwarded to a WeChat chat, or, where
 * WeChat refuses, its address is copied. Resolves what happened, for the page to say.
 */
export async function saveFileFromUrl(file: { fileName: string; url: string }): Promise<'saved' | 'copied'> {
  const json = file.fileName.toLowerCase().endsWith('.json');
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(file.url);
    if (!res.ok) throw new Error('文件下载失败，请重试');
    downloadBlob(new Blob([await res.arrayBuffer()], { type: json ? MIME.json : MIME.xlsx }), file.fileName);
    return 'saved';
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
  const res = await Taro.downloadFile({ url: file.url, filePath });
  if (res.statusCode !== 200) throw new Error('文件下载失败，请重试');
  if (!json) {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return 'saved';
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName: file.fileName });
    return 'saved';
  } catch {
    await Taro.setClipboardData({ data: file.url });
    return 'copied';
  }
}
