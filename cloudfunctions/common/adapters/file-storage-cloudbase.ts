// Adapter of FileStorage: node-sdk's uploadFile / getTempFileURL / downloadFile / deleteFile on the function's own
// environment. The SDK allows 50 file ids per batch call; larger lists are split.
import type { FileStorage } from '../ports/file-storage';
import { cloudApp } from '../cloud';

const BATCH = 50;
/** How long a temporary address stays valid: long enough for a page left open, short enough to leak little. */
const URL_MAX_AGE_S = 2 * 60 * 60;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

const refused = (what: string, res: { code?: unknown; message?: unknown }) =>
  new Error(`${what}: ${String(res.code)} ${typeof res.message === 'string' ? res.message : ''}`);

export const cloudbaseFileStorage: FileStorage = {
  async upload(cloudPath, bytes) {
    const res = (await cloudApp().uploadFile({ cloudPath, fileContent: bytes })) as { fileID?: string; code?: string; message?: string };
    if (!res.fileID) throw refused('file not stored', res);
    return res.fileID;
  },

  async urls(fileIds) {
    const out = new Map<string, string>();
    const unique = [...new Set(fileIds)];
    for (const chunk of chunks(unique)) {
      const res = (await cloudApp().getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge: URL_MAX_AGE_S })) })) as {
        fileList?: { fileID: string; tempFileURL: string; code: string }[];
        code?: string;
        message?: string;
      };
      if (!res.fileList) throw refused('no temporary addresses', res);
      for (const f of res.fileList) if (f.code === 'SUCCESS' && f.tempFileURL) out.set(f.fileID, f.tempFileURL);
    }
    return out;
  },

  async read(fileId) {
    // downloadFile asks for a temporary address (getTempFileURL) and GETs it; a file that is gone answers its code.
    try {
      const res = (await cloudApp().downloadFile({ fileID: fileId })) as { fileContent?: Buffer; code?: string; message?: string };
      if (res.code === 'STORAGE_FILE_NONEXIST') return undefined;
      if (!res.fileContent) throw refused('file not read', res);
      return Buffer.from(res.fileContent);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'STORAGE_FILE_NONEXIST') return undefined;
      throw err;
    }
  },

  async remove(fileIds) {
    for (const chunk of chunks([...new Set(fileIds)])) {
      const res = (await cloudApp().deleteFile({ fileList: chunk })) as {
        fileList?: { fileID: string; code: string }[];
        code?: string;
        message?: string;
      };
      if (!res.fileList) throw refused('files not removed', res);
      const failed = res.fileList.filter((f) => f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST');
      if (failed.length > 0) throw new Error(`files not removed: ${failed.map((f) => `${f.fileID} ${f.code}`).join(', ')}`);
    }
  },
};
