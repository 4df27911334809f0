// The emulator's one clock, shared by the database (serverDate) and the functions (common/clock.ts reads the offset).
export const clock = {
  now(): Date {
    return new Date(Date.now() + clock.offsetMs());
  },
  offsetMs(): number {
    const v = Number(process.env.EMULATOR_CLOCK_OFFSET_MS || 0);
    return Number.isFinite(v) ? v : 0;
  },
  set(iso: string): Date {
    const target = Date.parse(iso);
    if (!Number.isFinite(target)) throw new Error(`not an ISO time: ${iso}`);
    process.env.EMULATOR_CLOCK_OFFSET_MS = String(target - Date.now());
    return clock.now();
  },
  reset(): void {
    delete process.env.EMULATOR_CLOCK_OFFSET_MS;
  },
};
