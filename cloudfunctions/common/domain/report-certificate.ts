// 志愿服务记录证明 (民政部令第67号《志愿服务记录与证明出具办法》): its number, its verification address and its wording.
import { randomBytes } from 'node:crypto';
import { formatDuration, tidyPunctuation } from '@contract/format';
import { chineseSpan } from './report-forms';

/** Crockford's base32: no I, L, O, U, so a number read aloud or typed is not misread. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 base32 characters = 80 random bits: a number cannot be guessed to look up someone's certificate. */
const RANDOM_CHARS = 16;

export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** KJZY-<year>-<16 random base32 characters>. */
export function newCertificateNo(year: string, random: (n: number) => Uint8Array = randomBytes): string {
  return `KJZY-${year}-${base32(random(10)).slice(0, RANDOM_CHARS)}`;
}

export const CERTIFICATE_NO_PATTERN = /^KJZY-\d{4}-[0-9A-HJKMNP-TV-Z]{16}$/;

/** The number as people may type it (lower case, spaces), or undefined when it cannot be one of ours. */
export function normalizeCertificateNo(raw: string): string | undefined {
  const no = raw.trim().toUpperCase().replace(/\s+/g, '');
  return CERTIFICATE_NO_PATTERN.test(no) ? no : undefined;
}

export const DEFAULT_VERIFY_BASE_URL = 'https://kjzy.example/verify';

/** What the certificate's QR code encodes: the public verification page with the number. */
export function verifyUrl(certificateNo: string, base = DEFAULT_VERIFY_BASE_URL): string {
  return `${base}${base.includes('?') ? '&' : '?'}no=${encodeURIComponent(certificateNo)}`;
}

/**
 * The period a certificate states: what was asked, but never before the volunteer's first record with the team
 * (a certificate "from 2000" for someone who started in 2026 would claim years nobody can vouch for) nor after today.
 */
export function certifiedPeriod(asked: { from?: string; to?: string }, firstRecord: string, today: string): { from: string; to: string } {
  const from = asked.from && asked.from > firstRecord ? asked.from : firstRecord;
  const to = asked.to && asked.to < today ? asked.to : today;
  return { from, to };
}

export interface CertificateFacts {
  realName: string;
  idNumberMasked: string;
  volunteerNo: string;
  orgName: string;
  from: string;
  to: string;
  minutes: number;
}

/** The sentence that certifies: who, with which document, where, over which period, how long. */
export function certificateBody(f: CertificateFacts): string {
  return tidyPunctuation(
    `兹证明 ${f.realName}（证件类型：居民身份证，证件号码：${f.idNumberMasked}，志愿者编号：${f.volunteerNo}）` +
      `于${chineseSpan(f.from, f.to)}期间在${f.orgName}参加志愿服务，经志愿服务记录核实，累计志愿服务时长${formatDuration(f.minutes)}。`,
  );
}

export const CERTIFICATE_NOTE =
  '本证明依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具，所载时长为签到签退记录核定的服务时长。扫描二维码或访问核验地址输入证明编号，可核验本证明的真实性。';
