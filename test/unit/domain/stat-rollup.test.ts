// 统计汇总: rollups built from random rows give, over every whole-month period they answer, the figures orgFigures
// computes from the same rows, for every team's subtree; and they refuse the periods they cannot answer.
import { addMonths, buildYearRollups, figuresFromRollups, lastDayOf, wholeMonths } from '../../../cloudfunctions/common/domain/stat-rollup';
import { orgFigures } from '../../../cloudfunctions/common/domain/report-stats';
import { ORGS, rows, subtree } from '../../helpers/rollup-rows';

describe('rollups against the records', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every subtree and every whole-month period of 1–13 months in 2026 gives orgFigures' figures`, () => {
      const data = rows(seed);
      const built = [...buildYearRollups('2025', ORGS, data), ...buildYearRollups('2026', ORGS, data)];
      let compared = 0;
      for (const org of ORGS) {
        const teams = new Set(subtree(org._id));
        const mine = {
          activities: data.activities.filter((a) => teams.has(a.orgId) && a.status === 'published'),
          records: data.records.filter((x) => teams.has(x.orgId)),
          memberships: data.memberships.filter((m) => teams.has(m.orgId)),
        };
        for (let first = 0; first < 12; first++) {
          for (let span = 0; span <= 12; span++) {
            const from = `${addMonths('2025-02', first)}-01`;
            const to = lastDayOf(addMonths(from.slice(0, 7), span));
            if (to > '2026-12-31') continue;
            const p = { from, to };
            const months = wholeMonths(p)!;
            const docs = built.filter((d) => d.orgId === org._id && months.some((m) => m.startsWith(d.year)));
            expect(docs[0].teams).toBe(teams.size);
            const rolled = figuresFromRollups(
              docs.sort((a, b) => a.year.localeCompare(b.year)),
              p,
              months,
            );
            expect(rolled).toEqual(orgFigures(mine, p));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(ORGS.length * 100);
    });
  }

  it('answers only whole months, at most 13 of them', () => {
    expect(wholeMonths({ from: '2026-01-01', to: '2026-12-31' })).toHaveLength(12);
    expect(wholeMonths({ from: '2025-12-01', to: '2026-12-31' })).toHaveLength(13);
    expect(wholeMonths({ from: '2025-11-01', to: '2026-12-31' })).toBeUndefined();
    expect(wholeMonths({ from: '2026-01-02', to: '2026-12-31' })).toBeUndefined();
    expect(wholeMonths({ from: '2026-02-01', to: '2026-02-27' })).toBeUndefined();
    expect(wholeMonths({ from: '2028-02-01', to: '2028-02-29' })).toEqual(['2028-02']);
  });
});
