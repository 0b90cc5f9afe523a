import type { Report } from './formatPath';
import { typeNameOfFile } from './naming';
import type { TraitName } from './types';

/**
 * Type-level rules the JSON Schema cannot express (contract section 2): the name equals the
 * file name, the plural differs from the name, and addressKinds go with the addresses trait.
 */
export function checkTypeKeys(
  document: Readonly<Record<string, unknown>>,
  file: string,
  traits: readonly TraitName[],
  report: Report,
): void {
  const expected = typeNameOfFile(file);
  if (typeof document.name === 'string' && document.name !== expected) {
    report(['name'], `must equal the file name "${expected}"`);
  }
  if (typeof document.plural === 'string' && document.plural === document.name) {
    report(['plural'], 'must differ from name');
  }
  const hasAddresses = traits.includes('addresses');
  if (document.addressKinds !== undefined && !hasAddresses) {
    report(['addressKinds'], 'only allowed with the addresses trait');
  }
  if (document.addressKinds === undefined && hasAddresses) {
    report(['addressKinds'], 'is required with the addresses trait');
  }
}
