// The only door to the backend: checks input and output against the contract and picks the transport.
import Taro from '@tarojs/taro';
import { z } from 'zod';
import { contract, type ActionName, type FunctionName, type InputOf, type OutputOf } from '@contract/functions';
import { ErrorMessage, type ErrorCodeValue } from '@contract/errors';
import { parseContract } from '@contract/zod-messages';
import { CloudError, NETWORK_MESSAGE } from './cloud-error';
import { CLOUD_ENV, EMULATOR_URL, isEmulator } from './env';
import { getDevOpenid } from './dev-identity';
import { noteServerTime } from './server-clock';

export { CloudError, isCloudError, toCloudError, type CloudErrorCode } from './cloud-error';

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string(), details: z.unknown().optional() }),
]);

type Schemas = { input: z.ZodTypeAny; output: z.ZodTypeAny };
type Event = Record<string, unknown> & { action: string };

const REQUEST_TIMEOUT_MS = 15000;

export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const schemas = contract[fn][action] as unknown as Schemas;
  // The same Chinese messages as the function's answer: a refusal reads alike whichever side finds it.
  const parsedInput = parseContract(schemas.input, input);
  if (!parsedInput.success) {
    const first = parsedInput.error.issues[0];
    throw new CloudError('VALIDATION', first?.message || ErrorMessage.VALIDATION, parsedInput.error.issues);
  }
  const event: Event = { action, ...(parsedInput.data as Record<string, unknown>) };
  const sentAt = Date.now();
  const raw = isEmulator ? await viaEmulator(fn, event) : await viaCloudBase(fn, event);
  noteServerTime((raw as { serverTime?: unknown } | null)?.serverTime, sentAt, Date.now());

  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new CloudError('BAD_RESPONSE', ErrorMessage.INTERNAL, raw);
  if (!envelope.data.ok) {
    const { code, message, details } = envelope.data;
    throw new CloudError(code as ErrorCodeValue, message || ErrorMessage[code as ErrorCodeValue] || ErrorMessage.INTERNAL, details);
  }
  const output = schemas.output.safeParse(envelope.data.data);
  if (!output.success) throw new CloudError('BAD_RESPONSE', ErrorMessage.INTERNAL, output.error.issues);
  return output.data as OutputOf<F, A>;
}

async function viaEmulator(fn: string, event: Event): Promise<unknown> {
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await Taro.request({
      url: `${EMULATOR_URL}/functions/${fn}`,
      method: 'POST',
      data: event,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
      header: { 'content-type': 'application/json', 'x-wx-openid': getDevOpenid() },
    });
  } catch (e) {
    throw new CloudError('NETWORK', NETWORK_MESSAGE, e instanceof Error ? e.message : e);
  }
  // The gateway answers every function result as JSON; anything else (a proxy page, 502) is a transport failure.
  if (typeof res.data !== 'object' || res.data === null) {
    throw new CloudError('NETWORK', NETWORK_MESSAGE, { statusCode: res.statusCode });
  }
  return res.data;
}

let cloudReady = false;

async function viaCloudBase(fn: string, event: Event): Promise<unknown> {
  if (process.env.TARO_ENV !== 'weapp') {
    throw new CloudError('INTERNAL', '网页版仅支持连接本地模拟器');
  }
  if (!cloudReady) {
    Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    cloudReady = true;
  }
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: event });
    return res.result;
  } catch (e) {
    throw new CloudError('NETWORK', NETWORK_MESSAGE, e instanceof Error ? e.message : e);
  }
}

/** GET a dev-only emulator endpoint (e.g. /_dev/identities) and check its shape. */
export async function emulatorGet<T extends z.ZodTypeAny>(path: string, schema: T): Promise<z.output<T>> {
  if (!isEmulator) throw new CloudError('INTERNAL', '仅本地模拟器提供此功能');
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await Taro.request({ url: `${EMULATOR_URL}${path}`, method: 'GET', dataType: 'json', timeout: REQUEST_TIMEOUT_MS });
  } catch (e) {
    throw new CloudError('NETWORK', NETWORK_MESSAGE, e instanceof Error ? e.message : e);
  }
  const parsed = schema.safeParse(res.data);
  if (!parsed.success) throw new CloudError('BAD_RESPONSE', ErrorMessage.INTERNAL, parsed.error.issues);
  return parsed.data;
}
