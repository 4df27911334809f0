// A form described once: its rows in page order, each row's own words, and where server refusals go. The contract's
// zod issues become row errors by path, and error codes reach their row through a table, never by reading message
// text. Pure (no Taro), so helpers and tests use it as it is; hooks/use-contract-form holds the state.
import type { z } from 'zod';
import { isGenericIssue, parseContract } from '@contract/zod-messages';

export type IssueLike = { path: ReadonlyArray<string | number>; message: string; code?: string };
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Where a server error code is shown: next to a row, or in the banner; `say` replaces the server's message. */
export type CodeRoute<K extends string> = { field: K; say?: string; always?: boolean } | { banner: true; say?: string; always?: boolean };

export type FormSpec<K extends string> = {
  /** The rows in page order: the first with an error is scrolled into view. */
  order: readonly K[];
  /** The row of a contract path; by default its head, when that is a row. */
  fieldOf?: (path: ReadonlyArray<string | number>) => K | undefined;
  /** A row's own words, shown where the contract's are not meant for people. */
  hints: Partial<Record<K, string>>;
  /**
   * Where a row's hint replaces the contract's message: always for nested paths (region.city, location.lat), the
   * `always` rows (choices) and `hintWhen`; and for zod's generic wording unless `keepGeneric`.
   */
  always?: readonly K[];
  hintWhen?: (field: K, issue: IssueLike) => boolean;
  keepGeneric?: boolean;
  /** Server error codes that belong next to a row or need their own words. */
  codes?: Partial<Record<string, CodeRoute<K>>>;
};

export type Checked<I, K extends string> = { ok: true; input: I } | { ok: false; errors: FieldErrors<K>; banner?: string };
export type ErrorView<K extends string> = { fields: FieldErrors<K>; banner?: string };

const headOf = <K extends string>(spec: FormSpec<K>, path: ReadonlyArray<string | number>): K | undefined =>
  (spec.order as ReadonlyArray<unknown>).includes(path[0]) ? (path[0] as K) : undefined;

/** The first issue per row, in the row's words where the contract's are not meant for people. */
export function fieldErrors<K extends string>(spec: FormSpec<K>, issues: ReadonlyArray<IssueLike>, local = false): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const field = spec.fieldOf ? spec.fieldOf(issue.path) : headOf(spec, issue.path);
    if (!field || errors[field]) continue;
    const hint = spec.hints[field];
    const generic = local && !spec.keepGeneric && isGenericIssue(issue as z.ZodIssue);
    const useHint = issue.path.length > 1 || spec.always?.includes(field) || spec.hintWhen?.(field, issue) || generic;
    errors[field] = useHint && hint ? hint : issue.message;
  }
  return errors;
}

/** The form's candidate checked by its contract schema (Chinese messages), as the server will check it. */
export function checkForm<S extends z.ZodTypeAny, K extends string>(
  spec: FormSpec<K>,
  schema: S,
  candidate: unknown,
): Checked<z.output<S>, K> {
  const result = parseContract(schema, candidate);
  if (result.success) return { ok: true, input: result.data };
  const errors = fieldErrors(spec, result.error.issues, true);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: false, errors, banner: result.error.issues[0]?.message };
}

function isIssueList(details: unknown): details is IssueLike[] {
  return (
    Array.isArray(details) &&
    details.every(
      (d) => typeof d === 'object' && d !== null && Array.isArray((d as IssueLike).path) && typeof (d as IssueLike).message === 'string',
    )
  );
}

/** The issues of a VALIDATION refusal: the client's own (a list) or the server's (`{ issues }`). */
export function issuesOf(details: unknown): IssueLike[] {
  if (isIssueList(details)) return details;
  const inner = (details as { issues?: unknown } | null | undefined)?.issues;
  return isIssueList(inner) ? inner : [];
}

/** Where a refused submit's message belongs: next to a row (by code, or by the issues' paths), or in the banner. */
export function explainError<K extends string>(spec: FormSpec<K>, code: string, message: string, details: unknown): ErrorView<K> {
  const route = spec.codes?.[code];
  if (route) {
    const text = route.say && (route.always || !message) ? route.say : message;
    return 'field' in route ? { fields: { [route.field]: text } as FieldErrors<K> } : { fields: {}, banner: text };
  }
  if (code === 'VALIDATION') {
    const fields = fieldErrors(spec, issuesOf(details));
    return Object.keys(fields).length ? { fields } : { fields, banner: message };
  }
  return { fields: {}, banner: message };
}

export const firstError = <K extends string>(spec: FormSpec<K>, errors: FieldErrors<K>): K | undefined => spec.order.find((f) => errors[f]);
