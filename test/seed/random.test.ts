import { createRandom } from '../../src/seed/random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws floats in [0, 1) and integers within both bounds', () => {
    const random = createRandom(1);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(random.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks some distinct items in their original order', () => {
    const random = createRandom(2);
    const items = ['a', 'b', 'c', 'd', 'e'];
    for (let i = 0; i < 200; i++) {
      const some = random.pickSome(items, 1, 3);
      expect(some.length).toBeGreaterThanOrEqual(1);
      expect(some.length).toBeLessThanOrEqual(3);
      expect(some).toEqual(items.filter((x) => some.includes(x)));
    }
    expect(random.pickSome(['x'], 2, 3)).toEqual(['x']);
  });

  it('hits a probability roughly as often as asked', () => {
    const random = createRandom(3);
    let hits = 0;
    for (let i = 0; i < 10000; i++) if (random.chance(0.3)) hits++;
    expect(hits / 10000).toBeGreaterThan(0.27);
    expect(hits / 10000).toBeLessThan(0.33);
  });

  it('makes UUID v4-shaped ids', () => {
    const random = createRandom(4);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
