// Durations and distances as people read them, the same on every screen, export and server message.
import { formatDistance, formatDuration } from '@contract/format';

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

describe('formatDistance', () => {
  it.each([
    [0, '0米'],
    [850, '850米'],
    [999, '999米'],
    [999.6, '1公里'],
    [1000, '1公里'],
    [3240, '3.2公里'],
    [5000, '5公里'],
    [5100, '5.1公里'],
    [6150, '6.2公里'],
    [9960, '10公里'],
    [12_400, '12公里'],
    [25_400, '25公里'],
  ])('%f m → %s', (m, text) => {
    expect(formatDistance(m)).toBe(text);
  });
  it('shows nothing below zero or non-numbers as 0米', () => {
    expect(formatDistance(-3)).toBe('0米');
    expect(formatDistance(Number.NaN)).toBe('0米');
  });
});
