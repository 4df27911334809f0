// Reads the text of a PDF the way a viewer does (pdf.js), in a child node: pdfjs-dist ships ES modules only.
import { execFile } from 'node:child_process';
import { ROOT } from './emulator';

const SCRIPT = `
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages: doc.numPages, text: pages.join('\\n'), info: (await doc.getMetadata()).info }));
`;

export interface PdfText {
  pages: number;
  /** Every page's text, lines as pdf.js reports them. */
  text: string;
  info: Record<string, unknown>;
}

export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`pdf.js failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as PdfText);
      },
    );
    child.stdin?.end(pdf);
  });
}
