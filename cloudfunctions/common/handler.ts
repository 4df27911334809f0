// Turns a table of use cases into a cloud function main(): parse, identify, run, map to the answer envelope.
import type { z } from 'zod';
import { contract, type ActionName, type Contract, type FunctionName } from '@contract/functions';
import { ErrorCode, ErrorMessage } from '@contract/errors';
import type { Result } from '@contract/common';
import { AppError } from './errors';
import { callerOpenid } from './cloud';
import { now } from './clock';
import { env } from './env';
import { MAX_MESSAGE, boundedDetails, contractErrorMap, cut, eventShapeProblem, issuesForAnswer } from './input-bounds';

export interface Ctx {
  /** undefined only for calls without a WeChat user (timer triggers, tests of the gateway). */
  openid?: string;
  now: Date;
}

type Spec<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: z.ZodTypeAny; output: z.ZodTypeAny }
  ? Contract[F][A]
  : never;
export type Actions<F extends FunctionName> = {
  [A in ActionName<F>]: (input: z.output<Spec<F, A>['input']>, ctx: Ctx) => Promise<z.input<Spec<F, A>['output']>>;
};

/** How a function is called, besides its table of actions. */
export interface MainOptions<F extends FunctionName> {
  /**
   * A timer function (cron): it refuses every call that carries a WeChat user, and a trigger's event (which names no
   * action) runs `timer`. No app reads its answers: they carry no serverTime.
   */
  timer?: ActionName<F>;
}

export function makeMain<F extends FunctionName>(fn: F, actions: Actions<F>, options: MainOptions<F> = {}) {
  const timer = options.timer;
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const at = now();
    if (timer === undefined) {
      // Every answer carries the server's clock: the app takes "now" and "today" from it, never from the phone.
      return { ...(await answer(event, context, at)), serverTime: at.toISOString() };
    }
    // Timer triggers carry no WeChat user: a call from the mini program is not a tick.
    if (callerOpenid(context)) return { ok: false, code: ErrorCode.AUTH_FORBIDDEN, message: ErrorMessage[ErrorCode.AUTH_FORBIDDEN] };
    const namesAction = event !== null && typeof event === 'object' && 'action' in event;
    return answer(namesAction ? event : { action: timer }, context, at);
  };

  async function answer(event: unknown, context: unknown, at: Date): Promise<Result<unknown>> {
    try {
      env();
      const { action, userInfo: _userInfo, ...input } = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
      const spec =
        typeof action === 'string' && Object.prototype.hasOwnProperty.call(actions, action)
          ? (contract[fn] as Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>)[action]
          : undefined;
      // The action is named back only when it is a short plain string: nothing the caller sent is echoed at length.
      const named = typeof action === 'string' ? cut(action) : undefined;
      if (!spec)
        return {
          ok: false,
          code: ErrorCode.UNKNOWN_ACTION,
          message: ErrorMessage[ErrorCode.UNKNOWN_ACTION],
          details: { fn, action: named },
        };
      // Refused before any schema walks it: 20,000 nested levels would overflow a recursive parser or serializer.
      const shape = eventShapeProblem(input);
      if (shape) return { ok: false, code: ErrorCode.VALIDATION, message: shape };
      const parsed = spec.input.safeParse(input, { errorMap: contractErrorMap });
      if (!parsed.success) {
        const issues = issuesForAnswer(parsed.error.issues);
        return { ok: false, code: ErrorCode.VALIDATION, message: issues[0]?.message || ErrorMessage.VALIDATION, details: { issues } };
      }
      const run = (actions as Record<string, (i: unknown, c: Ctx) => Promise<unknown>>)[action as string];
      const data = await run(parsed.data, { openid: callerOpenid(context), now: at });
      // The output schema strips whatever a use case should not expose (encrypted fields, hashes).
      return { ok: true, data: spec.output.parse(data) };
    } catch (err) {
      if (err instanceof AppError)
        return {
          ok: false,
          code: err.code,
          message: cut(err.message, MAX_MESSAGE),
          ...(err.details === undefined ? {} : { details: boundedDetails(err.details) }),
        };
      console.error(`[${fn}] unexpected error`, err);
      return { ok: false, code: ErrorCode.INTERNAL, message: ErrorMessage[ErrorCode.INTERNAL] };
    }
  }
}

export function requireOpenid(ctx: Ctx): string {
  if (!ctx.openid) throw new AppError(ErrorCode.AUTH_UNAUTHENTICATED);
  return ctx.openid;
}
