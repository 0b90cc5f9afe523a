import { assertNever } from '../entities/columnTypes';
import type { FieldDefinition } from '../metadata/types';
import { choiceValue, choiceValues, multiChoiceValue } from './choiceValue';
import { dateValue, datetimeValue } from './dateValue';
import { decimalValue, integerValue } from './numberValue';
import { textValue } from './textValue';
import type { ValueContext } from './ValueContext';

/**
 * One unconstrained candidate value for a field that has a column of its own, by field
 * type (contract section 2), or `null` when the field offers nothing to choose from.
 * `reference` and `references` fields are filled by `generateRecords`, which knows the
 * records generated so far; `maxLength`, `pattern` and `unique` are applied there too.
 */
export function fieldValue(field: FieldDefinition, ctx: ValueContext): unknown {
  const { random } = ctx;
  const type = field.type;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      return textValue(field, ctx);
    case 'integer':
      return integerValue(field, ctx);
    case 'decimal':
    case 'money':
      return decimalValue(field, ctx);
    case 'boolean':
      return random.chance(/active|enabled|consent|verified/i.test(field.name) ? 0.85 : 0.5);
    case 'date':
      return dateValue(field, ctx);
    case 'datetime':
      return datetimeValue(field, ctx);
    case 'choice': {
      const values = choiceValues(field);
      if (values.length === 0) return null;
      return salutation(field, values, ctx) ?? choiceValue(values, random);
    }
    case 'multiChoice': {
      const values = choiceValues(field);
      return values.length === 0 ? null : multiChoiceValue(values, random);
    }
    case 'json':
      return {
        source: random.pick(['web', 'tradeFair', 'referral', 'import', 'campaign']),
        score: random.int(0, 100),
        tags: random.pickSome(['priority', 'followUp', 'newsletter', 'partner', 'trial'], 0, 3),
      };
    case 'reference':
    case 'references':
      throw new Error(`fieldValue() does not fill ${type} field "${field.name}": generateRecords does`);
    default:
      return assertNever(type);
  }
}

const FEMALE_SALUTATIONS = ['Ms', 'Mrs', 'Frau', 'female'];
const MALE_SALUTATIONS = ['Mr', 'Herr', 'male'];

/** A salutation that fits the record's first name, when the options have one. */
function salutation(field: FieldDefinition, values: readonly string[], { persona, random }: ValueContext): string | undefined {
  if (!/salutation|greeting|gender/i.test(field.name) || random.chance(0.1)) return undefined;
  const fitting = values.filter((v) => (persona.female ? FEMALE_SALUTATIONS : MALE_SALUTATIONS).includes(v));
  return fitting.length > 0 ? random.pick(fitting) : undefined;
}
