import { checkField } from './checkField';
import { checkFieldNames } from './checkFieldNames';
import { checkLayout } from './checkLayout';
import { checkTypeKeys } from './checkTypeKeys';
import type { Report } from './formatPath';
import { isRecord } from './isRecord';
import { TRAIT_NAMES, type TraitName } from './types';

/**
 * Every per-file rule the JSON Schema cannot express (contract section 2). Runs on documents
 * that may also have schema errors, so each check skips values of the wrong shape.
 */
export function checkDefinitionRules(document: unknown, file: string, report: Report): void {
  if (!isRecord(document)) return;
  const traits = knownTraits(document.traits);
  const fields = isRecord(document.fields) ? document.fields : {};
  checkTypeKeys(document, file, traits, report);
  checkFieldNames(fields, traits, report);
  for (const [name, field] of Object.entries(fields)) checkField(name, field, report);
  checkLayout(document.layout, Object.keys(fields), traits, report);
}

function knownTraits(traits: unknown): TraitName[] {
  if (!Array.isArray(traits)) return [];
  return TRAIT_NAMES.filter((trait) => traits.includes(trait));
}
