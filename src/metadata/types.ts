/**
 * The metadata model: what a definition file means once it has been parsed and validated
 * (contract section 2). Everything downstream (schema, storage, resolvers) reads only these
 * readonly shapes, never YAML.
 */

/** Every field type a definition may use (contract section 2). */
export const FIELD_TYPES = [
  'string',
  'text',
  'integer',
  'decimal',
  'money',
  'boolean',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'choice',
  'multiChoice',
  'reference',
  'references',
  'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Standard capabilities a type can switch on (contract section 6). */
export const TRAIT_NAMES = ['addresses', 'journal', 'attributes', 'owned'] as const;
export type TraitName = (typeof TRAIT_NAMES)[number];

export const ON_DELETE_ACTIONS = ['restrict', 'cascade', 'setNull'] as const;
export type OnDeleteAction = (typeof ON_DELETE_ACTIONS)[number];

/** Labels by locale, e.g. `{ en: 'Company', de: 'Firma' }`. */
export type LocalizedText = Readonly<Record<string, string>>;

/** A scalar default value as written in the definition. */
export type DefaultValue = string | number | boolean | readonly string[] | Readonly<Record<string, unknown>> | null;

export interface FieldDefinition {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly unique: boolean;
  readonly indexed: boolean;
  readonly default?: DefaultValue;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly sensitive: boolean;
  /** Personal data, cleared by erasure and retention (sensitive fields count as personal too). */
  readonly personal: boolean;
  readonly temporal: boolean;
  readonly readRoles?: readonly string[];
  readonly writeRoles?: readonly string[];
  readonly deprecated?: string;
  readonly renamedFrom?: string;
  /** Allowed values of a `choice`/`multiChoice` field given inline. */
  readonly options?: readonly string[];
  /** Name of the master list a `choice`/`multiChoice` field takes its values from. */
  readonly list?: string;
  /** Target type of a `reference`/`references` field. */
  readonly target?: string;
  readonly onDelete?: OnDeleteAction;
  /** Name of the to-many field generated on the target type. */
  readonly inverse?: string;
  /** Set on fields a trait adds (e.g. owner): not part of create/update inputs. */
  readonly managedBy?: TraitName;
}

/** How long records are kept after their last change, and what happens then (GDPR). */
export interface Retention {
  readonly afterDays: number;
  readonly action: 'anonymise' | 'delete';
}

export interface LayoutSection {
  readonly section: LocalizedText;
  readonly fields: readonly string[];
}

export interface EntityDefinition {
  readonly name: string;
  readonly plural: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly traits: readonly TraitName[];
  readonly addressKinds: readonly string[];
  /** Fields in file order. */
  readonly fields: readonly FieldDefinition[];
  readonly layout: readonly LayoutSection[];
  readonly renamedFrom?: string;
  readonly retention?: Retention;
  /**
   * Set on a type the engine defines for a trait (journalEntry for `journal`): it is served
   * and stored like any type, but has no generic mutations and no generated demo records.
   */
  readonly builtIn?: TraitName;
  /** The file the definition came from, for error messages. */
  readonly file: string;
}

/** A to-many field generated on `owner` from a `reference` or `references` field elsewhere. */
export interface InverseDefinition {
  readonly name: string;
  /** The type that carries the inverse field. */
  readonly owner: string;
  /** The type that declares the reference. */
  readonly source: string;
  /** The declaring field on `source`. */
  readonly field: FieldDefinition;
}
