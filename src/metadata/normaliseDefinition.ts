import { humanise } from './naming';
import { expandTraits } from './traits/expandTraits';
import type { RawDefinition, RawField, RawLocalizedText } from './RawDefinition';
import type { DefaultValue, EntityDefinition, FieldDefinition, LocalizedText, Retention } from './types';

/**
 * Turns a valid raw document into the readonly model with every default filled in
 * (contract section 2): plural `name + 's'`, labels with an English default from the name,
 * booleans false, `onDelete: restrict` on references, `deprecated: true` as 'deprecated',
 * and, without a layout, one section labelled like the type holding all fields in file order;
 * then each trait's `expandDefinition` hook (e.g. owned adds owner, team, area).
 */
export function normaliseDefinition(raw: RawDefinition, file: string): EntityDefinition {
  const label = labelOf(raw.name, raw.label);
  const fields = Object.entries(raw.fields).map(([name, field]) => normaliseField(name, field));
  return expandTraits({
    name: raw.name,
    plural: raw.plural ?? `${raw.name}s`,
    label,
    ...(raw.description !== undefined && { description: localized(raw.description) }),
    traits: [...(raw.traits ?? [])],
    addressKinds: [...(raw.addressKinds ?? [])],
    fields,
    layout: raw.layout
      ? raw.layout.map((section) => ({ section: localized(section.section), fields: [...section.fields] }))
      : [{ section: label, fields: fields.map((field) => field.name) }],
    ...(raw.renamedFrom !== undefined && { renamedFrom: raw.renamedFrom }),
    ...(raw.retention !== undefined && { retention: retentionOf(raw.retention) }),
    file,
  });
}

function normaliseField(name: string, raw: RawField): FieldDefinition {
  const deprecated = raw.deprecated === true ? 'deprecated' : raw.deprecated || undefined;
  const onDelete = raw.onDelete ?? (raw.type === 'reference' ? 'restrict' : undefined);
  return {
    name,
    type: raw.type,
    required: raw.required ?? false,
    unique: raw.unique ?? false,
    indexed: raw.indexed ?? false,
    ...(raw.default !== undefined && { default: raw.default as DefaultValue }),
    ...(raw.min !== undefined && { min: raw.min }),
    ...(raw.max !== undefined && { max: raw.max }),
    ...(raw.maxLength !== undefined && { maxLength: raw.maxLength }),
    ...(raw.pattern !== undefined && { pattern: raw.pattern }),
    label: labelOf(name, raw.label),
    ...(raw.description !== undefined && { description: localized(raw.description) }),
    sensitive: raw.sensitive ?? false,
    personal: (raw.personal ?? false) || (raw.sensitive ?? false),
    temporal: raw.temporal ?? false,
    ...(raw.readRoles !== undefined && { readRoles: [...raw.readRoles] }),
    ...(raw.writeRoles !== undefined && { writeRoles: [...raw.writeRoles] }),
    ...(deprecated !== undefined && { deprecated }),
    ...(raw.renamedFrom !== undefined && { renamedFrom: raw.renamedFrom }),
    ...(raw.options !== undefined && { options: [...raw.options] }),
    ...(raw.list !== undefined && { list: raw.list }),
    ...(raw.target !== undefined && { target: raw.target }),
    ...(onDelete !== undefined && { onDelete }),
    ...(raw.inverse !== undefined && { inverse: raw.inverse }),
  };
}

const DAYS_PER = { Y: 365, M: 30, W: 7, D: 1 } as const;

/** An ISO-8601 duration is shorthand for anonymising after that many days (at least one). */
function retentionOf(raw: NonNullable<RawDefinition['retention']>): Retention {
  if (typeof raw !== 'string') return { afterDays: raw.afterDays, action: raw.action ?? 'anonymise' };
  const [date = '', time = ''] = raw.slice(1).split('T');
  let days = 0;
  for (const [, n, unit] of date.matchAll(/(\d+)([YMWD])/g)) days += Number(n) * DAYS_PER[unit as keyof typeof DAYS_PER];
  let seconds = 0;
  for (const [, n, unit] of time.matchAll(/(\d+)([HMS])/g)) seconds += Number(n) * (unit === 'H' ? 3600 : unit === 'M' ? 60 : 1);
  return { afterDays: Math.max(1, days + Math.ceil(seconds / 86400)), action: 'anonymise' };
}

/** A plain string means English. */
function localized(text: RawLocalizedText): LocalizedText {
  return typeof text === 'string' ? { en: text } : { ...text };
}

/** The given label over an English default from the name, so `{ de: Nachname }` keeps an `en`. */
function labelOf(name: string, given: RawLocalizedText | undefined): LocalizedText {
  return { en: humanise(name), ...(given === undefined ? {} : localized(given)) };
}
