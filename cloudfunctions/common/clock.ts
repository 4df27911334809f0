// The one clock of the functions: real time in CloudBase, the emulator's settable clock locally.
export function now(): Date {
  // Read on every call: the emulator moves its clock with POST /_dev/clock while functions stay loaded.
  const offset = Number(process.env.EMULATOR_CLOCK_OFFSET_MS || 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
