// Emulator-only helpers: the demo identities a developer can switch between.
import { z } from 'zod';
import { emulatorGet } from './cloud';

const DevIdentities = z.array(z.object({ openid: z.string().min(1), label: z.string() }));
export type DevIdentity = z.infer<typeof DevIdentities>[number];

export function listDevIdentities(): Promise<DevIdentity[]> {
  return emulatorGet('/_dev/identities', DevIdentities);
}
