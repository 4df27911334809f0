// What everyone may see of who enrolled: the first character of a name (the surname for a Chinese name), nothing more.

/** The first character of `realName` (a whole code point), or undefined for no name (a withdrawn account). */
export function nameInitial(realName: string | undefined): string | undefined {
  const first = Array.from((realName ?? '').trim())[0];
  return first || undefined;
}
