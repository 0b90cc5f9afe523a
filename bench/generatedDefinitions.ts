import { checkDefinitions, type DefinitionSource } from '../src/metadata';
import type { MetadataRegistry } from '../src/metadata/MetadataRegistry';
import type { FieldType } from '../src/metadata/types';

/** Scalar field types the generated types cycle through. */
const SCALAR_TYPES: readonly FieldType[] = [
  'string', 'text', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime', 'email', 'phone', 'url', 'choice', 'multiChoice', 'json',
];

/** Reference fields per type (each with an inverse on its target), plus one `references` field. */
const REFERENCES_PER_TYPE = 3;
const REFERENCE_OFFSETS = [1, 7, 31];

/**
 * `types` definitions of `fieldsPerType` fields each, as definition files (JSON is YAML):
 * a required indexed `name`, three references to other generated types with inverses, one
 * many-to-many `references` field, and scalar fields of every type for the rest.
 */
export function generatedDefinitionSources(types: number, fieldsPerType: number): DefinitionSource[] {
  const typeName = (i: number) => `gen${String(i).padStart(3, '0')}`;
  return Array.from({ length: types }, (_, i) => {
    const fields: Record<string, Record<string, unknown>> = { name: { type: 'string', required: true, indexed: true, maxLength: 200 } };
    for (let k = 0; k < REFERENCES_PER_TYPE; k++) {
      fields[`ref${k}`] = {
        type: 'reference',
        target: typeName((i + REFERENCE_OFFSETS[k]!) % types),
        onDelete: 'setNull',
        inverse: `${typeName(i)}Ref${k}s`,
      };
    }
    fields.links = { type: 'references', target: typeName((i + 3) % types), inverse: `${typeName(i)}Links` };
    for (let j = Object.keys(fields).length; j < fieldsPerType; j++) {
      const type = SCALAR_TYPES[j % SCALAR_TYPES.length]!;
      fields[`${type}${j}`] = scalarField(type, j);
    }
    const definition = { name: typeName(i), label: { en: `Generated ${i}`, de: `Generiert ${i}` }, fields };
    return { file: `${typeName(i)}.yaml`, text: JSON.stringify(definition) };
  });
}

function scalarField(type: FieldType, j: number): Record<string, unknown> {
  const field: Record<string, unknown> = { type, label: { en: `Field ${j}`, de: `Feld ${j}` } };
  if (type === 'choice' || type === 'multiChoice') field.options = ['alpha', 'beta', 'gamma', 'delta'];
  if (type === 'string') field.maxLength = 120;
  if (j % 5 === 0 && type !== 'json' && type !== 'multiChoice') field.required = true;
  if (j % 9 === 0 && type !== 'json' && type !== 'text') field.indexed = true;
  return field;
}

/** The generated set, validated like definition files; throws listing the problems if any. */
export function generatedRegistry(types: number, fieldsPerType: number): MetadataRegistry {
  const { registry, problems } = checkDefinitions(generatedDefinitionSources(types, fieldsPerType));
  if (!registry) throw new Error(`Generated definitions are invalid:\n${problems.slice(0, 10).map(String).join('\n')}`);
  return registry;
}
