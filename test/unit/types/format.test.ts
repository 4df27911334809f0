// Service time as people read it: "X小时Y分钟", zero parts left out.
import { formatDuration } from '../../../types/duration';

describe('formatDuration', () => {
  it.each([
    [0, '0分钟'],
    [1, '1分钟'],
    [45, '45分钟'],
    [59, '59分钟'],
    [60, '1小时'],
    [61, '1小时1分钟'],
    [120, '2小时'],
    [125, '2小时5分钟'],
    [480, '8小时'],
    [12_345, '205小时45分钟'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
  it('rounds fractions down and shows nothing below zero or non-numbers as 0分钟', () => {
    expect(formatDuration(45.9)).toBe('45分钟');
    expect(formatDuration(-5)).toBe('0分钟');
    expect(formatDuration(Number.NaN)).toBe('0分钟');
  });
});
