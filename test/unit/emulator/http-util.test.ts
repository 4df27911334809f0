// The emulator refuses bodies nested deeper than any real one before parsing them: depth counted outside strings.
import { MAX_JSON_DEPTH, jsonDepth } from '../../../emulator/http-util';

describe('jsonDepth', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[{"b":1}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonDepth('"just a string"')).toBe(0);
  });
  it('20,000 levels are measured in one pass, far above the limit', () => {
    expect(jsonDepth('['.repeat(20_000) + ']'.repeat(20_000))).toBe(20_000);
    expect(MAX_JSON_DEPTH).toBeLessThan(20_000);
  });
});
