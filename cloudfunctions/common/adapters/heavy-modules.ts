// The libraries only exports and certificates need (exceljs, pdfkit, qrcode) load on the first call that uses them,
// not when a function starts: a cold start of `user.me` or `checkin.scan` should not pay for a spreadsheet writer.
// The build bundles each library apart, beside the function's index.js (scripts/build-functions.mjs: heavy/<name>.js),
// and turns each `import()` here into a deferred require of that file: a cold start does not even parse them
// (bench/cold-start measures it).
import type ExcelJSModule from 'exceljs';
import type PDFKitModule from 'pdfkit';
import type QRCodeModule from 'qrcode';

type Default<T> = T | { default: T };
const unwrap = <T>(m: Default<T>): T => ('default' in (m as object) ? (m as { default: T }).default : (m as T));

let excel: Promise<typeof ExcelJSModule> | undefined;
let pdfkit: Promise<typeof PDFKitModule> | undefined;
let qrcode: Promise<typeof QRCodeModule> | undefined;

export const loadExcel = (): Promise<typeof ExcelJSModule> =>
  (excel ??= import('exceljs').then((m) => unwrap<typeof ExcelJSModule>(m as Default<typeof ExcelJSModule>)));
export const loadPdfkit = (): Promise<typeof PDFKitModule> =>
  (pdfkit ??= import('pdfkit').then((m) => unwrap<typeof PDFKitModule>(m as Default<typeof PDFKitModule>)));
export const loadQrcode = (): Promise<typeof QRCodeModule> =>
  (qrcode ??= import('qrcode').then((m) => unwrap<typeof QRCodeModule>(m as Default<typeof QRCodeModule>)));
