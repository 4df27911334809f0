// The contract's refusals in Chinese for both sides: the functions answer with them and the mini program's forms show
// them. Zod's defaults are English and some repeat the value received; these repeat nothing.
import { z } from 'zod';
import { ErrorMessage } from './errors';

const unit = (type: string) => (type === 'string' ? '个字' : type === 'array' ? '项' : '');

/**
 * Chinese for every issue a schema leaves without a message. Messages a schema gives (`.min(2, '请输入真实姓名')`,
 * `{ errorMap }`, `required_error`) are kept: a parse-time map would otherwise override a schema's own map.
 */
export const contractErrorMap: z.ZodErrorMap = (issue, ctx) => {
  const english = z.defaultErrorMap(issue, { data: ctx.data, defaultError: '' }).message;
  if (ctx.defaultError && ctx.defaultError !== english) return { message: ctx.defaultError };
  switch (issue.code) {
    case 'invalid_type':
      return { message: issue.received === 'undefined' ? '缺少必填项' : '类型不正确' };
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { message: '不是可选的值' };
    case 'too_small':
      return {
        message:
          issue.type === 'string' || issue.type === 'array'
            ? `至少${String(issue.minimum)}${unit(issue.type)}`
            : `不能小于${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        message:
          issue.type === 'string' || issue.type === 'array'
            ? `最多${String(issue.maximum)}${unit(issue.type)}`
            : `不能大于${String(issue.maximum)}`,
      };
    case 'invalid_string':
      return { message: '格式不正确' };
    case 'not_finite':
    case 'invalid_date':
      return { message: '数值无效' };
    case 'unrecognized_keys':
      return { message: '包含不支持的字段' };
    default:
      return { message: ErrorMessage.VALIDATION };
  }
};

/** `schema.safeParse` with the Chinese messages: what every form and the client's door to the backend use. */
export function parseContract<T extends z.ZodTypeAny>(schema: T, value: unknown): z.SafeParseReturnType<z.input<T>, z.output<T>> {
  return schema.safeParse(value, { errorMap: contractErrorMap });
}

/**
 * Whether an issue of `parseContract` carries the map's generic wording ("至少1项") rather than one the schema gave
 * ("请输入真实姓名"): forms show a row's own hint in place of the generic one.
 */
export function isGenericIssue(issue: z.ZodIssue): boolean {
  return issue.message === contractErrorMap(issue, { data: undefined, defaultError: '' }).message;
}
