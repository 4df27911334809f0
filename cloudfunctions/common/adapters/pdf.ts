// The 志愿服务记录证明 as a PDF (pdfkit): Chinese set in Noto Sans SC, of which only the glyphs used are embedded,
// a QR code drawn as vector squares that opens the verification page, and the team's 公章 stamped over its name.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type QRCodeModule from 'qrcode';
import { loadPdfkit, loadQrcode } from './heavy-modules';
import { formatDuration } from '@contract/format';
import { CERTIFICATE_NOTE, certificateBody, type CertificateFacts } from '../domain/report-certificate';
import { chineseDate, shortSpan } from '../domain/report-forms';

/** The font the build copies next to the report function's bundle (scripts/build-functions.mjs). */
export const CJK_FONT_FILE = 'NotoSansSC-Regular.ttf';
/** Where it comes from: Noto Sans SC (SIL OFL 1.1) as shipped by @expo-google-fonts/noto-sans-sc. */
export const CJK_FONT_SOURCE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let fontPath: string | undefined;
/** The deployed function finds the font beside its bundle; the sources (tests, emulator) in node_modules. */
export function cjkFontPath(): string {
  if (fontPath === undefined) {
    const beside = path.join(__dirname, CJK_FONT_FILE);
    fontPath = fs.existsSync(beside) ? beside : createRequire(__filename).resolve(CJK_FONT_SOURCE);
  }
  return fontPath;
}

export interface CertificateRow {
  title: string;
  from: string;
  to: string;
  minutes: number;
}

export interface CertificateContent extends CertificateFacts {
  certificateNo: string;
  leaderName?: string;
  /** 经办人: who approved the volunteer's membership of the team, else its leader. */
  handlerName?: string;
  /** The team's 公章 (PNG or JPEG bytes), stamped over the issuer's name and the date. */
  seal?: Buffer;
  contactName?: string;
  contactPhone?: string;
  issuedOn: string;
  verifyUrl: string;
  rows: CertificateRow[];
  /** 表彰奖励, one line each ("省级 · 优秀科技志愿者 · 甘肃省科协 · 2026-09-20"); the section is left out without any. */
  commendations?: string[];
  /** 培训情况, one line each ("2026-11-23 · 急救与安全技能培训 · 安全 · 2学时"); left out without any. */
  trainings?: string[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = '#1f1f1f';
const MUTED = '#666666';
const RED = '#b0272d';

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The QR code as filled squares at (x, y), `size` points wide (quiet zone included). */
function drawQr(QRCode: typeof QRCodeModule, doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.data[r * n + c]) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

function frame(doc: PDFKit.PDFDocument): void {
  doc.save();
  doc
    .lineWidth(2)
    .strokeColor(RED)
    .rect(28, 28, A4.width - 56, A4.height - 56)
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(34, 34, A4.width - 68, A4.height - 68)
    .stroke();
  doc.restore();
}

/** Every page names the certificate and its place in it, so no page can be swapped for another's. */
function footers(doc: PDFKit.PDFDocument, certificateNo: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would open a new page: the margin is lifted while the footer is written.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`证明编号：${certificateNo}    第${i - start + 1}页／共${count}页`, MARGIN, A4.height - 50, {
        width: TABLE_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

const COLUMNS = [
  { header: '序号', width: 36, align: 'center' as const },
  { header: '活动名称', width: 232, align: 'left' as const },
  { header: '服务日期', width: 135, align: 'center' as const },
  { header: '服务时长', width: 80, align: 'center' as const },
];
const TABLE_WIDTH = COLUMNS.reduce((s, c) => s + c.width, 0);

function tableRow(doc: PDFKit.PDFDocument, y: number, cells: string[], opts: { bold?: boolean; fill?: string } = {}): number {
  const pad = 5;
  doc.fontSize(10);
  const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: COLUMNS[i].width - pad * 2 }))) + pad * 2;
  let x = MARGIN;
  if (opts.fill) doc.save().rect(MARGIN, y, TABLE_WIDTH, height).fill(opts.fill).restore();
  cells.forEach((t, i) => {
    doc.fillColor(INK).text(t, x + pad, y + pad, { width: COLUMNS[i].width - pad * 2, align: COLUMNS[i].align });
    x += COLUMNS[i].width;
  });
  doc.save().lineWidth(0.5).strokeColor('#999999');
  doc.rect(MARGIN, y, TABLE_WIDTH, height).stroke();
  x = MARGIN;
  for (const c of COLUMNS.slice(0, -1)) {
    x += c.width;
    doc
      .moveTo(x, y)
      .lineTo(x, y + height)
      .stroke();
  }
  doc.restore();
  return y + height;
}

/** 表彰奖励 (or 培训情况) under the table: a heading and a line each, on a new page when they do not fit. */
function commendationSection(
  doc: PDFKit.PDFDocument,
  top: number,
  lines: readonly string[],
  bottom: number,
  heading = `表彰奖励（共${lines.length}项）：`,
): number {
  let y = top + 14;
  doc.fontSize(11).fillColor(INK);
  if (y + 40 > bottom) {
    doc.addPage();
    frame(doc);
    y = MARGIN;
  }
  doc.text(heading, MARGIN, y, { width: TABLE_WIDTH });
  y = doc.y + 4;
  doc.fontSize(10);
  lines.forEach((line, i) => {
    const text = `${i + 1}. ${line}`;
    if (y + doc.heightOfString(text, { width: TABLE_WIDTH }) > bottom) {
      doc.addPage();
      frame(doc);
      y = MARGIN;
    }
    doc.fillColor(INK).text(text, MARGIN, y, { width: TABLE_WIDTH });
    y = doc.y + 2;
  });
  return y;
}

const SEAL_SIZE = 112;

/**
 * The 公章 over the issuer's lines, as a stamp sits over 出具单位 and 出具日期 (a transparent PNG lets the text show
 * through). Bytes pdfkit cannot read leave the certificate without it rather than without a certificate.
 */
function stampSeal(doc: PDFKit.PDFDocument, seal: Buffer, top: number): void {
  try {
    doc.image(seal, MARGIN + 150, top - 16, { fit: [SEAL_SIZE, SEAL_SIZE], align: 'center', valign: 'center' });
  } catch (err) {
    console.error('[certificate] the seal could not be drawn', err);
  }
}

/** The certificate, one A4 page (more when the table of activities is long). */
export async function certificatePdf(c: CertificateContent): Promise<Buffer> {
  const [PDFDocument, QRCode] = await Promise.all([loadPdfkit(), loadQrcode()]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    font: cjkFontPath(),
    info: { Title: `志愿服务记录证明 ${c.certificateNo}`, Author: c.orgName, Subject: '志愿服务记录证明', Creator: '科技志愿服务' },
  });
  const done = toBuffer(doc);
  const bottom = A4.height - MARGIN - 20;
  frame(doc);

  doc.fillColor(RED).fontSize(26).text('志愿服务记录证明', MARGIN, 78, { width: TABLE_WIDTH, align: 'center', characterSpacing: 4 });
  doc.fillColor(MUTED).fontSize(10).text(`证明编号：${c.certificateNo}`, MARGIN, 122, { width: TABLE_WIDTH, align: 'center' });

  doc.fillColor(INK).fontSize(12.5).text(certificateBody(c), MARGIN, 158, { width: TABLE_WIDTH, lineGap: 7, indent: 25, align: 'justify' });
  let y = doc.y + 16;
  doc.fontSize(11).fillColor(INK).text(`志愿服务记录明细（共${c.rows.length}项活动）：`, MARGIN, y);
  y = doc.y + 6;

  const header = COLUMNS.map((col) => col.header);
  y = tableRow(doc, y, header, { fill: '#f3f3f3' });
  c.rows.forEach((r, i) => {
    const cells = [String(i + 1), r.title, shortSpan(r.from, r.to), formatDuration(r.minutes)];
    if (y + doc.heightOfString(r.title, { width: COLUMNS[1].width - 10 }) + 10 > bottom) {
      doc.addPage();
      frame(doc);
      y = tableRow(doc, MARGIN, header, { fill: '#f3f3f3' });
    }
    y = tableRow(doc, y, cells);
  });
  y = tableRow(doc, y, ['', '合计', '', formatDuration(c.minutes)], { fill: '#fafafa' });
  if (c.commendations?.length) y = commendationSection(doc, y, c.commendations, bottom);
  if (c.trainings?.length)
    y = commendationSection(doc, y, c.trainings, bottom, `培训情况（共${c.trainings.length}项，培训学时不计入服务时长）：`);

  // The issuer and the QR code need about 150 points together.
  if (y + 170 > bottom) {
    doc.addPage();
    frame(doc);
    y = MARGIN;
  }
  y += 24;
  const qrSize = 96;
  const qrX = MARGIN + TABLE_WIDTH - qrSize;
  const lines = [
    `出具单位：${c.orgName}（盖章）`,
    `负责人：${c.leaderName ?? '—'}    经办人：${c.handlerName ?? '—'}`,
    `联系人：${c.contactName ?? '—'}    联系电话：${c.contactPhone ?? '—'}`,
    `出具日期：${chineseDate(c.issuedOn)}`,
  ];
  doc.fontSize(11.5).fillColor(INK);
  lines.forEach((line, i) => doc.text(line, MARGIN, y + i * 24, { width: TABLE_WIDTH - qrSize - 16 }));
  if (c.seal) stampSeal(doc, c.seal, y);
  drawQr(QRCode, doc, c.verifyUrl, qrX, y - 6, qrSize);
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text('扫码核验', qrX, y + qrSize - 2, { width: qrSize, align: 'center' });

  const noteY = Math.max(y + 4 * 24 + 16, y + qrSize + 22);
  doc.fontSize(9).fillColor(MUTED).text(CERTIFICATE_NOTE, MARGIN, noteY, { width: TABLE_WIDTH, lineGap: 3 });
  doc.text(`核验地址：${c.verifyUrl}`, MARGIN, doc.y + 2, { width: TABLE_WIDTH });
  footers(doc, c.certificateNo);
  doc.end();
  return done;
}
