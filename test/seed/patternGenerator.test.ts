import { patternGenerator } from '../../src/seed/patternGenerator';
import { createRandom } from '../../src/seed/random';

const SUPPORTED = [
  '^[A-Z][0-9]{9}$',
  '^[A-Z]{2}$',
  '^\\d{5}$',
  '^EMP-[0-9]{4}$',
  '^(DE|AT|CH)-[a-z]{3,5}$',
  '^[^0-9]+$',
  '^\\w+@example\\.com$',
  '^[A-Z]{2}\\d{2}( ?\\d{4}){4}$',
  '^(?:[a-f0-9]{2}:){2,}[a-f0-9]{2}$',
  '^[A-Za-z_-]*x?$',
  'ab+c',
];

describe('patternGenerator', () => {
  it.each(SUPPORTED)('makes strings that match %s', (pattern) => {
    const generate = patternGenerator(pattern);
    expect(generate).toBeDefined();
    const random = createRandom(5);
    for (let i = 0; i < 100; i++) expect(generate!(random)).toMatch(new RegExp(pattern));
  });

  it.each(['^(?=X)[A-Z]$', '\\bword\\b', '^(a)\\1$', '^\\p{L}+$', 'a^b'])('gives up on %s', (pattern) => {
    expect(patternGenerator(pattern)).toBeUndefined();
  });
});
