// `npm run emulator`: starts the local CloudBase emulator (EMULATOR_PORT, EMULATOR_DATA=memory|<dir>, EMULATOR_SEED=1).
import fs from 'node:fs';
import path from 'node:path';
import { startEmulator } from './server';
import { seedDemo } from './seed';
import { devSecrets, secretsFileFor } from './dev-secrets';

const root = path.resolve(__dirname, '..');

async function run(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT || 8787);
  const dataEnv = process.env.EMULATOR_DATA || '.data';
  const data = dataEnv === 'memory' ? 'memory' : path.resolve(root, dataEnv);
  const staticDir = path.join(root, 'dist', 'h5');
  // Known before the emulator merges the secrets into process.env for the functions.
  const secretsFile = data !== 'memory' && !process.env.APP_SECRET_KEY ? secretsFileFor(data) : null;
  const emu = await startEmulator({ port, data, root, staticDir, functionEnv: devSecrets(data) });
  const lines = [`科技志愿服务 local CloudBase emulator on ${emu.url} (data: ${data})`];
  if (process.env.EMULATOR_SEED === '1') {
    const seed = await seedDemo(emu);
    lines.push(seed.seeded ? 'demo data created' : 'demo data already present');
    lines.push('demo identities (switch on the 我的 page, 切换身份):');
    for (const id of seed.identities) lines.push(`  ${id.openid.padEnd(12)} ${id.label}`);
  }
  if (fs.existsSync(path.join(staticDir, 'index.html'))) lines.push(`h5 app:        ${emu.url}/`);
  lines.push(`SMS codes:     ${emu.url}/_dev/sms?phone=<phone>   (the SMS outbox, newest first)`);
  lines.push(`health:        ${emu.url}/_dev/health`);
  if (secretsFile) lines.push(`dev secrets:   ${secretsFile} (outside the data folder)`);
  console.log(lines.join('\n'));
  const stop = () => emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((err) => {
  console.error('emulator failed to start:', err);
  process.exit(1);
});
