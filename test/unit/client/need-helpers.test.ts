// The need page's pure choice logic: 派单's tree with each team's parent, and the sheet's search by name.
import { dispatchChoices, filterTeams, TEAM_SEARCH_OVER } from '../../../src/pages/need/helpers';

const t = (orgId: string, name: string, depth: number) => ({ orgId, name, level: '分队' as const, depth });

describe('派单 choices', () => {
  it('names each team’s parent from the tree order, however deep, and none for the top', () => {
    const choices = dispatchChoices([
      t('lz', '兰州', 0),
      t('fd', '城关', 1),
      t('gx', '高新', 2),
      t('gx1', '高新一团', 3),
      t('fd2', '七里河', 1),
    ]);
    expect(choices.map((c) => [c._id, c.depth, c.parentName])).toEqual([
      ['lz', 0, undefined],
      ['fd', 1, '兰州'],
      ['gx', 2, '城关'],
      ['gx1', 3, '高新'],
      ['fd2', 1, '兰州'],
    ]);
  });

  it('filters by part of the name, case aside; an empty keyword keeps all', () => {
    const teams = dispatchChoices([t('a', 'Alpha 城关', 0), t('b', '七里河', 1)]);
    expect(filterTeams(teams, ' alpha ').map((c) => c._id)).toEqual(['a']);
    expect(filterTeams(teams, '')).toHaveLength(2);
    expect(filterTeams(teams, '西固')).toEqual([]);
    expect(TEAM_SEARCH_OVER).toBe(12);
  });
});
