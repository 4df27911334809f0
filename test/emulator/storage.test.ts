// Cloud storage through the real, unchanged node-sdk: uploadFile (getUploadMetadata + PUT), getTempFileURL (a signed
// address serving the bytes with their type, expiring on the emulator clock), deleteFile; CloudBase's file ids; any
// other storage action refused by name; files kept in the data folder when the emulator persists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../../emulator/server';
import { bucketOf } from '../../emulator/files';
import { useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator();
const app = () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
/** The 8-byte PNG signature and a few more bytes: enough for a type check, not a real picture. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of the file')]);

describe('cloud storage through the SDK', () => {
  it('uploadFile answers a cloud:// file id; getTempFileURL serves the bytes with their type; deleteFile removes them', async () => {
    const up = await app().uploadFile({ cloudPath: 'activity/a1/p1.png', fileContent: PNG });
    expect(up.fileID).toBe(`cloud://local-dev.${bucketOf('local-dev')}/activity/a1/p1.png`);
    expect(bucketOf('local-dev')).toBe('6c6f-local-dev-1250000000');

    const { fileList } = await app().getTempFileURL({ fileList: [up.fileID, `cloud://local-dev.${bucketOf('local-dev')}/nope.png`] });
    expect(fileList[0]).toMatchObject({ fileID: up.fileID, code: 'SUCCESS' });
    expect(fileList[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
    const res = await fetch(fileList[0].tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);

    const del = await app().deleteFile({ fileList: [up.fileID] });
    expect(del.fileList).toEqual([{ fileID: up.fileID, code: 'SUCCESS' }]);
    expect((await fetch(fileList[0].tempFileURL)).status).toBe(404);
    const again = await app().deleteFile({ fileList: [up.fileID] });
    expect(again.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('a temporary address is signed and expires on the emulator clock', async () => {
    const up = await app().uploadFile({ cloudPath: 'x/one.jpg', fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    const [{ tempFileURL }] = (await app().getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 60 }] })).fileList;
    expect((await fetch(tempFileURL)).headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(tempFileURL.replace(/sign=[0-9a-f]/, 'sign=x'))).status).toBe(403);
    await t.setClock('2026-11-22T02:05:00Z');
    expect((await fetch(tempFileURL)).status).toBe(403);
  });

  it('an upload without the token getUploadMetadata handed out is refused with COS’s XML error', async () => {
    const meta = (await app().getUploadMetadata({ cloudPath: 'x/forged.png' })) as { data: { url: string } };
    const res = await fetch(meta.data.url, { method: 'PUT', headers: { authorization: 'guess' }, body: PNG });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(await t.emu.files.read(`cloud://local-dev.${bucketOf('local-dev')}/x/forged.png`)).toBeUndefined();
  });

  it('bad paths and file ids of another environment are refused', async () => {
    await expect(app().uploadFile({ cloudPath: '../escape.png', fileContent: PNG })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    const { fileList } = await app().getTempFileURL({ fileList: ['cloud://other.bucket/x.png'] });
    expect(fileList[0]).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('any other storage action is refused with NOT_IMPLEMENTED naming it', async () => {
    await expect(app().copyFile({ fileList: [{ srcPath: 'a/p.png', dstPath: 'b/p.png' }] })).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringContaining('storage.batchCopyFile'),
    });
    const raw = await fetch(`${t.url}/tcb`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'storage.getFileAuthority', envName: 'local-dev' }),
    });
    expect(await raw.json()).toMatchObject({ code: 'NOT_IMPLEMENTED', message: expect.stringContaining('storage.getFileAuthority') });
  });
});

describe('a persisting emulator', () => {
  it('keeps the files under <data>/files across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-files-'));
    const start = () =>
      startEmulator({ port: 0, data: dir, loadFunction: () => async () => ({}), functionEnv: { APP_SECRET_KEY: '0f'.repeat(32) } });
    let emu = await start();
    try {
      const up = await app().uploadFile({ cloudPath: 'kept/p.webp', fileContent: Buffer.from('RIFF0000WEBPVP8 ') });
      expect(fs.existsSync(path.join(dir, 'files', bucketOf('local-dev'), 'kept', 'p.webp'))).toBe(true);
      await emu.close();
      emu = await start();
      const [{ tempFileURL }] = (await app().getTempFileURL({ fileList: [up.fileID] })).fileList;
      const res = await fetch(tempFileURL);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(await res.text()).toBe('RIFF0000WEBPVP8 ');
    } finally {
      await emu.close();
      fs.rmSync(dir, { recursive: true, force: true });
      // The shared test emulator answers the SDK again.
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${t.url}/tcb` });
    }
  });
});
