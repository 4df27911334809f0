// Why: the write-ahead journal that makes each commit atomic on disk — checksummed one-line records, appended and fsync'd before a commit is acknowledged, read back up to the first torn or damaged record.
//
// A record is one line: 8 hex digits of the CRC-32 of the payload's UTF-8 bytes, a space, the payload (JSON,
// which never contains a raw newline), '\n'. A crash can leave the last record incomplete (no '\n') or, after a
// power loss, with unwritten pages (bad checksum); such a record was never acknowledged and is dropped. Reading
// stops at the first bad record: whatever follows it cannot be trusted to be a consistent continuation.
// Journals are numbered files `journal.<generation>.wal`; a checkpoint starts a new generation (see storage.ts).
import { promises as fs } from 'fs';
import path from 'path';
import { fsyncDir } from './datafile';

const JOURNAL_FILE = /^journal\.(\d+)\.wal$/;
export const journalFileName = (generation: number) => `journal.${generation}.wal`;

/** The generation of a journal file name, or null for any other file. */
export function journalGeneration(file: string): number | null {
  const m = JOURNAL_FILE.exec(file);
  return m ? Number(m[1]) : null;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (IEEE, as zlib and PNG use). */
export function crc32(buf: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const HEX8 = /^[0-9a-f]{8}$/;

/** One journal record (payload without newlines) as the bytes to append. */
export function frameRecord(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  if (body.includes(NEWLINE)) throw new Error('journal payload must not contain a newline');
  const out = Buffer.allocUnsafe(body.length + 10);
  out.write(crc32(body).toString(16).padStart(8, '0'), 0, 'latin1');
  out[8] = SPACE;
  body.copy(out, 9);
  out[out.length - 1] = NEWLINE;
  return out;
}

/** The payload of one line (without its newline), or null if it is not an intact record. */
function unframe(line: Buffer): string | null {
  if (line.length < 9 || line[8] !== SPACE) return null;
  const hex = line.toString('latin1', 0, 8);
  if (!HEX8.test(hex)) return null;
  const body = line.subarray(9);
  return crc32(body) === parseInt(hex, 16) ? body.toString('utf8') : null;
}

export interface JournalContents {
  /** Payloads of the intact records before the first bad one, in append order. */
  payloads: string[];
  /** Bytes of the file those records occupy. */
  validBytes: number;
  /**
   * 'clean': every byte read; 'torn': an incomplete or damaged last record (a crash during an append);
   * 'damaged': a bad record with intact records after it (the file was damaged, not just cut short).
   */
  end: 'clean' | 'torn' | 'damaged';
}

export function parseJournal(buf: Buffer): JournalContents {
  const payloads: string[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl < 0) return { payloads, validBytes: pos, end: 'torn' };
    const payload = unframe(buf.subarray(pos, nl));
    if (payload === null) {
      let later = nl + 1;
      while (later < buf.length) {
        const next = buf.indexOf(NEWLINE, later);
        if (next < 0) break;
        if (unframe(buf.subarray(later, next)) !== null) return { payloads, validBytes: pos, end: 'damaged' };
        later = next + 1;
      }
      return { payloads, validBytes: pos, end: 'torn' };
    }
    payloads.push(payload);
    pos = nl + 1;
  }
  return { payloads, validBytes: pos, end: 'clean' };
}

export async function readJournal(file: string): Promise<JournalContents> {
  return parseJournal(await fs.readFile(file));
}

/** An open journal generation: appends are written whole and fdatasync'd before they resolve. */
export class JournalFile {
  private constructor(
    readonly file: string,
    private readonly fh: fs.FileHandle,
    /** Bytes appended so far. */
    public bytes: number,
  ) {}

  /** Creates a new, empty journal file (never reuses one) and makes its directory entry durable. */
  static async create(dir: string, generation: number): Promise<JournalFile> {
    const file = path.join(dir, journalFileName(generation));
    const fh = await fs.open(file, 'wx');
    await fsyncDir(dir);
    return new JournalFile(file, fh, 0);
  }

  /** Appends the bytes (one or more whole records) and waits until they are on stable storage. */
  async append(buf: Buffer): Promise<void> {
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off, this.bytes + off);
      off += bytesWritten;
    }
    this.bytes += buf.length;
    await this.fh.datasync();
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** Deletes the journal files of generations up to `upTo` (their contents are in the data files now). */
export async function removeJournals(dir: string, upTo: number): Promise<void> {
  let removed = false;
  for (const f of await fs.readdir(dir)) {
    const g = journalGeneration(f);
    if (g !== null && g <= upTo) {
      await fs.rm(path.join(dir, f), { force: true });
      removed = true;
    }
  }
  if (removed) await fsyncDir(dir);
}
