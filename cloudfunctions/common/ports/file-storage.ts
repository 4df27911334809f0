// Port: cloud storage for pictures (activity photos, notice images, a team's 公章). CloudBase's storage in production
// and in the emulator alike (the SDK's uploadFile, getTempFileURL, downloadFile and deleteFile), so one adapter serves both.
export interface FileStorage {
  /** Stores the bytes at `cloudPath` (e.g. activity/<id>/<photoId>.jpg) and answers the file id (cloud://env.bucket/path). */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  /** Temporary https addresses of the files, in one call; a file that is gone (or not ours) is left out of the map. */
  urls(fileIds: readonly string[]): Promise<Map<string, string>>;
  /** The bytes of a file; undefined when it is gone. */
  read(fileId: string): Promise<Buffer | undefined>;
  /** Removes the files; one already gone is no failure. */
  remove(fileIds: readonly string[]): Promise<void>;
}
