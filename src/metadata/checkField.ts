import { checkFieldDefault } from './checkFieldDefault';
import { FIELD_OPTION_TYPES, isChoiceType, isFieldType, isReferenceType, optionApplies } from './fieldOptionRules';
import type { Report } from './formatPath';
import { isRecord } from './isRecord';

/**
 * The rules for one field that the JSON Schema cannot express (contract section 2): which
 * options fit which type, options or list for choices, a target for references, setNull only
 * on optional references, min <= max, a pattern that compiles and a default that fits.
 * Shape errors (wrong key, wrong value type) are the schema's and are not repeated here.
 */
export function checkField(name: string, field: unknown, report: Report): void {
  if (!isRecord(field) || !isFieldType(field.type)) return;
  const type = field.type;
  const path = ['fields', name];

  for (const option of Object.keys(FIELD_OPTION_TYPES)) {
    if (option in field && !optionApplies(option, type)) {
      report([...path, option], `option "${option}" does not apply to type ${type}`);
    }
  }

  if (isChoiceType(type)) {
    const hasOptions = field.options !== undefined;
    const hasList = field.list !== undefined;
    if (hasOptions && hasList) report(path, 'give either "options" or "list", not both');
    if (!hasOptions && !hasList) report(path, `a ${type} field needs "options" or "list"`);
  }

  if (isReferenceType(type) && field.target === undefined) report([...path, 'target'], 'is required');

  if (type === 'reference' && field.onDelete === 'setNull' && field.required === true) {
    report([...path, 'onDelete'], 'setNull is not possible for a required field');
  }

  const { min, max, pattern } = field;
  if (optionApplies('min', type) && typeof min === 'number' && typeof max === 'number' && min > max) {
    report([...path, 'min'], `is greater than max (${max})`);
  }

  let patternCompiles = true;
  if (optionApplies('pattern', type) && typeof pattern === 'string') {
    try {
      new RegExp(pattern);
    } catch (error) {
      patternCompiles = false;
      const message = error instanceof Error ? error.message : String(error);
      report([...path, 'pattern'], message.charAt(0).toLowerCase() + message.slice(1));
    }
  }

  if ('default' in field && optionApplies('default', type) && patternCompiles) {
    checkFieldDefault(field, type, path, report);
  }
}
