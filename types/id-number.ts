// GB 11643-1999 citizen ID number: shape, check digit, and the sex and birth date it encodes. Pure, shared by the form and the server.
import { GENDER_LABEL, type Gender } from './enums';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** The birth date encoded in an 18-digit number as YYYY-MM-DD, or null if it is not a real date. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function isValidIdNumber(raw: string): boolean {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (idBirthDate(id) === null) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17];
}

/** The sex the number records: its 17th digit is odd for men, even for women (GB 11643-1999 §4.3). */
export function idGender(id: string): Gender {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** What a valid number says about its holder, or null for an invalid number: the form shows it, the server stores it. */
export function idPerson(raw: string): { gender: Gender; birthDate: string } | null {
  const id = raw.trim().toUpperCase();
  if (!isValidIdNumber(id)) return null;
  return { gender: idGender(id), birthDate: idBirthDate(id) as string };
}

/** Why a stated sex cannot stand beside this number (it disagrees), or undefined; an invalid number is judged elsewhere. */
export function genderMismatch(gender: Gender | undefined, idNumber: string): string | undefined {
  const person = gender === undefined ? null : idPerson(idNumber);
  if (!person || person.gender === gender) return undefined;
  return `与身份证号不符（身份证号为${GENDER_LABEL[person.gender]}性）`;
}

/** 620102********1234: the first six and last four characters, the birth date hidden. */
export function maskIdNumber(id: string): string {
  return id.length < 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}

/** 张*, 欧阳** : keeps the first character. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}
