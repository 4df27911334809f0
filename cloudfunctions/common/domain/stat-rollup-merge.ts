// 统计汇总 built in parts, so that no single call reads a whole nation's records: each team directly below the root
// is built with its subtree alone (its rows, and the root among the teams so that those rows' share of the root is
// built by the same rules), and the root's own rows alone. The root's rollup is then the merge of the shares.
// Sums and the pair counts add up exactly, since every activity belongs to one team and so every activity–volunteer
// pair to one part. A volunteer or a member may be in several parts: their months and first approval travel with
// each share (RollupPerson) and are merged person by person before the gap counts and the histogram are taken.
// Pure: no database, no clock. test/unit/domain/stat-rollup-merge holds the merge to one build of the whole tree.
import {
  addGaps,
  bump,
  byHighlight,
  emptyMonth,
  HIGHLIGHT_CANDIDATES,
  type DayFigures,
  type MonthFigures,
  type RollupPerson,
  type YearRollup,
} from './stat-rollup';

/** One part's share of the root: the root's rollup built from the part's rows, and the people it counted. */
export interface RootShare {
  rollup: YearRollup;
  people: readonly RollupPerson[];
}

const SUMMED = ['activities', 'keyDayActivities', 'keyGroupActivities', 'servedPeople', 'minutes', 'volunteerTimes'] as const;
const DAY_SUMMED = ['activities', 'volunteerTimes', 'minutes'] as const;

function addMonth(into: MonthFigures, f: MonthFigures): void {
  for (const k of SUMMED) into[k] += f[k];
  for (const [c, n] of Object.entries(f.byCategory)) into.byCategory[c as keyof MonthFigures['byCategory']] += n;
  for (const [date, d] of Object.entries(f.days)) {
    const day: DayFigures = (into.days[date] ??= { activities: 0, volunteerTimes: 0, minutes: 0 });
    for (const k of DAY_SUMMED) day[k] += d[k];
  }
  for (const [prev, n] of Object.entries(f.pairsSince)) bump(into.pairsSince, prev, n);
  into.top.push(...f.top);
}

/**
 * The root's rollup from the share of its own rows (`own`, built with the root alone) and those of the parts below.
 * The root's name, parent, state and own members come from `own`.
 */
export function mergeRootShares(own: RootShare, parts: readonly RootShare[]): YearRollup {
  const shares = [own, ...parts];
  const root: YearRollup = {
    ...own.rollup,
    teams: 1 + parts.reduce((n, p) => n + p.rollup.teams - 1, 0),
    months: {},
    firstApproved: {},
    ownFirstApproved: { ...own.rollup.ownFirstApproved },
  };
  for (const share of shares) {
    for (const [m, f] of Object.entries(share.rollup.months)) addMonth((root.months[m] ??= emptyMonth()), f);
  }
  for (const f of Object.values(root.months)) f.top = f.top.sort(byHighlight).slice(0, HIGHLIGHT_CANDIDATES);
  const people = new Map<string, { months: number; first: string }>();
  for (const share of shares) {
    for (const [openid, months, first] of share.people) {
      const seen = people.get(openid);
      if (!seen) people.set(openid, { months, first });
      else {
        seen.months |= months;
        if (first && (!seen.first || first < seen.first)) seen.first = first;
      }
    }
  }
  for (const p of people.values()) {
    if (p.months) addGaps(root, p.months, 'volunteersSince');
    if (p.first) bump(root.firstApproved, p.first);
  }
  return root;
}
