import type { FieldDefinition } from '../metadata/types';
import type { Random } from './random';
import { FAVOURED_VALUES, sampleListKeys } from './sampleListKeys';

/**
 * Values of `choice` and `multiChoice` fields: from the inline `options`, else from the
 * sample keys of the field's master `list`. Favoured values (`software`, `purchasing`) turn
 * up with a fixed share of records wherever they are offered.
 */
export function choiceValues(field: FieldDefinition): readonly string[] {
  if (field.options) return field.options;
  return field.list ? sampleListKeys(field.list) : [];
}

export function choiceValue(values: readonly string[], random: Random): string {
  const favoured = values.filter(isFavoured);
  const others = values.filter((v) => !isFavoured(v));
  let roll = random.next();
  for (const value of favoured) {
    const share = FAVOURED_VALUES[value] as number;
    if (roll < share) return value;
    roll -= share;
  }
  return random.pick(others.length > 0 ? others : values);
}

/** One to three distinct values, in the order the field offers them. */
export function multiChoiceValue(values: readonly string[], random: Random): string[] {
  const wanted = random.int(1, Math.min(3, values.length));
  const chosen = new Set(values.filter((v) => isFavoured(v) && random.chance(FAVOURED_VALUES[v] as number)));
  const others = values.filter((v) => !isFavoured(v));
  for (const value of random.pickSome(others, Math.max(0, wanted - chosen.size), Math.max(0, wanted - chosen.size))) {
    chosen.add(value);
  }
  if (chosen.size === 0) chosen.add(random.pick(values));
  return values.filter((v) => chosen.has(v));
}

function isFavoured(value: string): boolean {
  return Object.hasOwn(FAVOURED_VALUES, value);
}
