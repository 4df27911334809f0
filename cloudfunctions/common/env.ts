// Environment validated once at cold start: a function with a bad configuration fails loudly, not later.
import { z } from 'zod';

const EnvSchema = z.object({
  /** 64 hex chars (32 bytes): the master key; subkeys for PII encryption, PII lookup and SMS codes derive from it. */
  APP_SECRET_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'APP_SECRET_KEY must be 64 hex characters'),
  /** One-time token for org.bootstrapRoot; unset means no bootstrap is possible. */
  BOOTSTRAP_TOKEN: z.string().min(16).optional(),
  SMS_PROVIDER: z.enum(['outbox', 'tencentcloud']).default('outbox'),
  SMS_SDK_APP_ID: z.string().optional(),
  SMS_SIGN_NAME: z.string().optional(),
  SMS_TEMPLATE_ID: z.string().optional(),
  TENCENTCLOUD_REGION: z.string().optional(),
  /** Set by the local emulator only. */
  EMULATOR_CLOCK_OFFSET_MS: z.coerce.number().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (parsed.data.SMS_PROVIDER === 'tencentcloud' && !(parsed.data.SMS_SDK_APP_ID && parsed.data.SMS_SIGN_NAME && parsed.data.SMS_TEMPLATE_ID)) {
      throw new Error('invalid function environment: SMS_PROVIDER=tencentcloud needs SMS_SDK_APP_ID, SMS_SIGN_NAME and SMS_TEMPLATE_ID');
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment between suites. */
export function resetEnvCache(): void {
  cached = undefined;
}
