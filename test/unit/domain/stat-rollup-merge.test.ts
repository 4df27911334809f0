// 统计汇总 built in parts (the subtree of each team below the root, and the root's own rows) and merged give the very
// documents one build of the whole tree gives, for random rows over a tree with a pending team in the middle.
import { buildRollups, buildYearRollups, type RollupRows } from '../../../cloudfunctions/common/domain/stat-rollup';
import { mergeRootShares } from '../../../cloudfunctions/common/domain/stat-rollup-merge';
import { ORGS, rows } from '../../helpers/rollup-rows';

const only = (data: RollupRows, teams: Set<string>): RollupRows => ({
  activities: data.activities.filter((a) => teams.has(a.orgId)),
  records: data.records.filter((x) => teams.has(x.orgId)),
  memberships: data.memberships.filter((m) => teams.has(m.orgId)),
});

describe('rollups built in parts', () => {
  for (const seed of [1, 2, 3, 4]) {
    for (const year of ['2025', '2026']) {
      it(`seed ${seed}, ${year}: the parts and the merged root equal one build of the whole tree`, () => {
        const data = rows(seed);
        const whole = new Map(buildYearRollups(year, ORGS, data).map((r) => [r.orgId, r]));
        const root = ORGS.find((o) => o._id === 'root')!;
        const shares = [];
        for (const top of ORGS.filter((o) => o.path.length === 1)) {
          const part = ORGS.filter((o) => o._id === top._id || o.path.includes(top._id));
          const built = buildRollups(year, [...part, root], only(data, new Set(part.map((o) => o._id))), 'root');
          for (const r of built.rollups) if (r.orgId !== 'root') expect(r).toEqual(whole.get(r.orgId));
          shares.push({ rollup: built.rollups.find((r) => r.orgId === 'root')!, people: built.people });
        }
        const own = buildRollups(year, [root], only(data, new Set(['root'])), 'root');
        const merged = mergeRootShares({ rollup: own.rollups[0], people: own.people }, shares);
        expect(merged).toEqual(whole.get('root'));
        // Not trivially: the months are many, and people are counted in more than one part.
        expect(Object.keys(merged.months).length).toBeGreaterThan(3);
        const counted = [own, ...shares].flatMap((s) => s.people.map(([openid]) => openid));
        expect(counted.length).toBeGreaterThan(new Set(counted).size);
      });
    }
  }
});
