// The GB/T 2260 region table the app names places with and picks them from: code → name at each level. The app does
// not carry it (≈100 KB): user.regions answers it once and the phone keeps it (src/services/region.ts).
import { z } from 'zod';

const Names = z.record(z.string(), z.string());

export const RegionTableOutput = z.object({ province: Names, city: Names, county: Names });
export type RegionTableOutput = z.infer<typeof RegionTableOutput>;
