import { BadUserInputError, type FieldError } from '../errors';
import { definitionField } from '../metadata/definitionField';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { temporalFieldsOf } from '../metadata/traits/historyModel';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';

/** What one CSV column feeds. */
export type ImportColumn =
  | { readonly kind: 'ignore'; readonly header: string }
  | { readonly kind: 'id'; readonly header: string }
  /** The day the row's temporal values start (as `update<Type>(validFrom:)`); default today. */
  | { readonly kind: 'validFrom'; readonly header: string }
  | { readonly kind: 'field'; readonly header: string; readonly field: FieldDefinition }
  /** A reference given by a key of its target (`company.name`): looked up, must match one record. */
  | { readonly kind: 'reference'; readonly header: string; readonly field: FieldDefinition; readonly target: EntityDefinition; readonly key: FieldDefinition };

/** The mapping target of a validFrom column, and the field its cells are read as. */
export const VALID_FROM = definitionField('validFrom', 'date', { label: { en: 'Valid from', de: 'Gültig ab' } });

const KEY_TYPES = new Set(['string', 'integer', 'email', 'phone', 'url', 'choice']);

/**
 * Maps each header to a field of `entity` (contract section 7): the mapping first
 * (`{ "Firma": "company.name", "Intern": null }`), else the field's name, else its label in
 * any locale, ignoring case. `ref.key` paths (as exports write them) resolve a reference by
 * a key of its target; `validFrom` (also by its label) gives the day the row's temporal fields
 * take their values. Every header that maps to nothing, and every field mapped twice, is
 * reported at once as BAD_USER_INPUT.
 */
export function mapHeaders(
  registry: MetadataRegistry,
  entity: EntityDefinition,
  headers: readonly string[],
  mapping: Readonly<Record<string, unknown>> | undefined,
): ImportColumn[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(mapping ?? {})) {
    if (!headers.includes(key)) errors.push({ field: `mapping.${key}`, message: 'is not a column of the file' });
  }
  const used = new Map<string, string>();
  const columns = headers.map((header, i): ImportColumn => {
    const mapped = mapping && Object.prototype.hasOwnProperty.call(mapping, header) ? mapping[header] : undefined;
    if (mapped === null) return { kind: 'ignore', header };
    if (mapped !== undefined && typeof mapped !== 'string') {
      errors.push({ field: `mapping.${header}`, message: 'must be a field name, a path like company.name, or null' });
      return { kind: 'ignore', header };
    }
    const target = mapped ?? matchHeader(entity, header);
    const column = target === undefined ? undefined : columnFor(registry, entity, header, target);
    if (!column || 'message' in column) {
      const where = mapped !== undefined ? `mapping.${header}` : `columns[${i}]`;
      errors.push({
        field: where,
        message: column?.message ?? `"${header}" matches no field of ${inflection.typeName(entity)}: map it to a field, or to null to leave it out`,
      });
      return { kind: 'ignore', header };
    }
    const name = column.kind === 'id' || column.kind === 'validFrom' ? column.kind : column.field.name;
    const previous = used.get(name);
    if (previous !== undefined) errors.push({ field: `columns[${i}]`, message: `"${header}" and "${previous}" both fill ${name}` });
    used.set(name, header);
    return column;
  });
  if (errors.length > 0) throw new BadUserInputError(errors);
  return columns;
}

function matchHeader(entity: EntityDefinition, header: string): string | undefined {
  const wanted = header.trim().toLowerCase();
  if (wanted === 'id') return 'id';
  const byName = entity.fields.find((f) => f.name.toLowerCase() === wanted);
  if (byName) return byName.name;
  const byLabel = entity.fields.find((f) => Object.values(f.label).some((l) => l.trim().toLowerCase() === wanted));
  if (byLabel) return byLabel.name;
  if ([VALID_FROM.name, ...Object.values(VALID_FROM.label)].some((l) => l.toLowerCase() === wanted)) return VALID_FROM.name;
  return wanted.includes('.') ? header.trim() : undefined;
}

type Resolved = Exclude<ImportColumn, { kind: 'ignore' }> | FieldError;

function columnFor(registry: MetadataRegistry, entity: EntityDefinition, header: string, path: string): Resolved | undefined {
  if (path === 'id') return { kind: 'id', header };
  const [name, key, ...more] = path.split('.');
  const field = entity.fields.find((f) => f.name === name);
  if (!field && path === VALID_FROM.name) {
    if (temporalFieldsOf(entity).length > 0) return { kind: 'validFrom', header };
    return { field: header, message: `"${header}": ${inflection.typeName(entity)} has no temporal fields that a validFrom could apply to` };
  }
  if (!field) return undefined;
  if (key === undefined) return { kind: 'field', header, field };
  if (field.type !== 'reference' || more.length > 0) {
    return { field: header, message: `"${path}": only a reference followed by one key of its target, like company.name, can be imported` };
  }
  const target = registry.get(field.target!);
  const keyField = target.fields.find((f) => f.name === key);
  if (!keyField || !KEY_TYPES.has(keyField.type)) {
    return { field: header, message: `"${path}": ${key} is not a field of ${inflection.typeName(target)} that can identify it` };
  }
  return { kind: 'reference', header, field, target, key: keyField };
}
