// Handing a generated file (xlsx export, PDF certificate) to the person: a download on h5; on weapp written to the
// user data folder and opened with the system viewer, whose menu forwards it to a WeChat chat or saves it.
import Taro from '@tarojs/taro';

export type SavedFile = { fileName: string; base64: string };

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function extensionOf(fileName: string): 'xlsx' | 'pdf' {
  return fileName.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
}

export async function saveFile(file: SavedFile): Promise<void> {
  const ext = extensionOf(file.fileName);
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: reject }),
  );
  await Taro.openDocument({ filePath, fileType: ext, showMenu: true });
}
