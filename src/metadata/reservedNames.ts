import type { TraitName } from './types';

/**
 * Names the engine owns, which definitions may not take (contract sections 3 and 6).
 * Keep in step with the schema builder when it adds built-in types or root fields.
 */

/** Fields every record has (contract section 3). */
export const BUILT_IN_FIELDS: readonly string[] = ['id', 'version', 'createdAt', 'updatedAt'];

/** Fields every record type has in the API but not in storage (issue 5: the audit trail). */
export const BUILT_IN_API_FIELDS: readonly string[] = ['history'];

/** Their columns (contract section 5). */
export const BUILT_IN_COLUMNS: readonly string[] = ['id', 'version', 'created_at', 'updated_at'];

/** Fields the journal adds to every type once any type has the journal trait. */
export const JOURNAL_LINK_FIELD = 'linkedJournalEntries';

/** Fields a trait adds to every record of a type that has it (contract section 6). */
export const TRAIT_FIELDS: Readonly<Record<TraitName, readonly string[]>> = {
  addresses: ['addresses', 'defaultAddress'],
  journal: ['journal'],
  attributes: ['attributes', 'attributeHistory'],
  owned: ['owner', 'team', 'area'],
};

/** GraphQL type names the API defines itself; an entity type's PascalCase name must not be one. */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // named in the brief
  'Query', 'Mutation', 'Subscription', 'Record', 'PageInfo', 'Metadata', 'TypeMetadata', 'FieldMetadata',
  'LayoutSection', 'Address', 'JSON', 'Date', 'DateTime', 'Decimal', 'Money', 'Boolean', 'String', 'Int',
  'Float', 'ID',
  // further scalars and the built-in types of contract sections 6 and 7
  'Email', 'Phone', 'Url', 'MasterList', 'ListValue', 'AttributeValue', 'AttributeDefinition', 'JournalEntry',
  'FollowUp', 'Selection', 'Snapshot', 'Export', 'ImportReport',
  // built for the traits (src/metadata/traits)
  'AddressInput', 'AddressUpdateInput', 'AddressWhere', 'AddressToManyFilter', 'ListValueInput', 'ListValueUpdateInput',
  'AttributeDefinitionInput', 'AttributeValueWhere', 'AttributeValueToManyFilter', 'JournalEntryInput', 'FollowUpInput',
  'FollowUpDue', 'Absence', 'AbsenceInput', 'RecordLink',
  // built by src/schema/selectionTypes.ts (contract section 7)
  'RecordConnection', 'RecordEdge', 'SelectionInput', 'SelectionUpdateInput', 'ExportFormat', 'CsvOptions',
  'ImportMode', 'ImportError', 'PossibleDuplicate', 'CampaignInput', 'CampaignResult',
  // built by src/schema today
  'SortDirection', 'StringFilter', 'IntFilter', 'DecimalFilter', 'MoneyFilter', 'BooleanFilter', 'DateFilter',
  'DateTimeFilter', 'IDFilter', 'JSONFilter', 'MultiChoiceFilter', 'LayoutSectionMetadata',
  // the audit trail and API keys (issue 5)
  'AuditEntry', 'AuditChange', 'AuditEntryEdge', 'AuditEntryConnection', 'ApiKey', 'PersonalData',
]);

/** Built-in Query fields (contract sections 3, 6, 7); a type's name or plural must not be one. */
export const BUILT_IN_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'metadata', 'masterList', 'attributeDefinitions', 'journalEntry', 'journalEntries', 'myFollowUps', 'absences', 'selections',
  'selection', 'runSelection', 'previewSelection', 'snapshot', 'auditEntries', 'exportPersonalData', 'erasePersonalData',
]);

/** Tables of the engine's own records (definitions history, selections, exports, uploads) start with this; no type's table may. */
export const ENGINE_TABLE_PREFIX = 'relata_';

/** Suffixes of the GraphQL types generated per entity type (contract section 3). */
export const GENERATED_TYPE_SUFFIXES: readonly string[] = [
  'Connection', 'Edge', 'Where', 'OrderBy', 'CreateInput', 'UpdateInput', 'ToManyFilter',
];

/** Why a record field name is taken on a type, or undefined when it is free. */
/** Keys of selection conditions next to field names (contract section 7). */
export const CONDITION_KEYWORDS: readonly string[] = ['aggregate', 'selection'];

export function reservedFieldReason(
  name: string,
  traits: readonly TraitName[],
  temporalFields: readonly string[],
): string | undefined {
  if (BUILT_IN_FIELDS.includes(name)) return 'is a built-in field of every record';
  if (name === JOURNAL_LINK_FIELD) return 'is reserved by the journal for the entries linked to a record';
  if (BUILT_IN_API_FIELDS.includes(name)) return 'is the built-in audit history of every record';
  if (CONDITION_KEYWORDS.includes(name)) return 'is a keyword of selection conditions';
  for (const trait of traits) {
    if (TRAIT_FIELDS[trait].includes(name)) return `is reserved by the ${trait} trait`;
  }
  const history = /^(.+)History$/.exec(name)?.[1];
  if (history !== undefined && temporalFields.includes(history)) {
    return `clashes with the history of temporal field "${history}"`;
  }
  return undefined;
}
