// 注销 keeps a person's service records, but free text in them (an admin's reason, the person's own note) may name
// them: every occurrence of what identifies the person is replaced, the rest of the text stays as written.

export const REDACTED = '[已注销]';

/** The strings that identify the person in free text: the real name (2+ chars), the phone, the ID number (either case of X). */
export function identifyingStrings(p: { realName?: string; phone?: string; idNumber?: string }): string[] {
  const out = [p.realName, p.phone, p.idNumber, p.idNumber?.toLowerCase()].filter(
    (s): s is string => typeof s === 'string' && Array.from(s.trim()).length >= 2,
  );
  // Longest first: an ID number is replaced whole before any shorter string inside it.
  return [...new Set(out.map((s) => s.trim()))].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
}

/** Whether any of `texts` names the person (then the record is written back redacted). */
export const namesPerson = (texts: readonly (string | undefined)[], secrets: readonly string[]) =>
  texts.some((t) => t !== undefined && secrets.some((s) => t.includes(s)));
