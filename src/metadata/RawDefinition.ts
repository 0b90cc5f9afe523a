import type { FieldType, OnDeleteAction, TraitName } from './types';

/**
 * A definition document as written, once it has passed `definition.schema.json` and the
 * rules of `checkDefinitionRules`: the input of `normaliseDefinition`, never seen outside parsing.
 */
export type RawLocalizedText = string | Readonly<Record<string, string>>;

export interface RawField {
  readonly type: FieldType;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly indexed?: boolean;
  readonly default?: unknown;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly label?: RawLocalizedText;
  readonly description?: RawLocalizedText;
  readonly sensitive?: boolean;
  readonly personal?: boolean;
  readonly temporal?: boolean;
  readonly readRoles?: readonly string[];
  readonly writeRoles?: readonly string[];
  readonly deprecated?: boolean | string;
  readonly renamedFrom?: string;
  readonly options?: readonly string[];
  readonly list?: string;
  readonly target?: string;
  readonly onDelete?: OnDeleteAction;
  readonly inverse?: string;
}

export interface RawLayoutSection {
  readonly section: RawLocalizedText;
  readonly fields: readonly string[];
}

export interface RawDefinition {
  readonly name: string;
  readonly plural?: string;
  readonly label?: RawLocalizedText;
  readonly description?: RawLocalizedText;
  readonly traits?: readonly TraitName[];
  readonly addressKinds?: readonly string[];
  readonly fields: Readonly<Record<string, RawField>>;
  readonly layout?: readonly RawLayoutSection[];
  readonly renamedFrom?: string;
  readonly retention?: string | { readonly afterDays: number; readonly action?: 'anonymise' | 'delete' };
}
