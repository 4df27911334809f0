// The emulator's dev secrets (the key that encrypts ID numbers, the bootstrap token) live outside the data folder, so
// a copied or shared `.data/` never carries the key that unlocks it: one file per data folder in the user's config
// directory (mode 0600), or the environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export type DevSecrets = Record<'APP_SECRET_KEY' | 'BOOTSTRAP_TOKEN', string>;

/** Where the secrets of a data folder are kept: $EMULATOR_SECRETS_DIR, else $XDG_CONFIG_HOME or ~/.config. */
export function secretsFileFor(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.EMULATOR_SECRETS_DIR || path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'kjzy-emulator');
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(base, `secrets-${id}.json`);
}

const fresh = (): DevSecrets => ({
  APP_SECRET_KEY: randomBytes(32).toString('hex'),
  BOOTSTRAP_TOKEN: `dev-${randomBytes(12).toString('hex')}`,
});

/**
 * The secrets for a data folder: the environment wins; else the stored ones, created on first use. An earlier
 * version kept them in `<data>/dev-secrets.json`: they are moved out once (the data stays readable), never left there.
 */
export function devSecrets(data: 'memory' | string, env: NodeJS.ProcessEnv = process.env): DevSecrets {
  let stored = fresh();
  if (data !== 'memory') {
    const file = secretsFileFor(data, env);
    const legacy = path.join(data, 'dev-secrets.json');
    if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
    else if (fs.existsSync(legacy)) stored = JSON.parse(fs.readFileSync(legacy, 'utf8')) as DevSecrets;
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    if (fs.existsSync(legacy)) fs.rmSync(legacy);
  }
  return {
    APP_SECRET_KEY: env.APP_SECRET_KEY || stored.APP_SECRET_KEY,
    BOOTSTRAP_TOKEN: env.BOOTSTRAP_TOKEN || stored.BOOTSTRAP_TOKEN,
  };
}
