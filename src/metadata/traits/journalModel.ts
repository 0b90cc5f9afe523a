import { definitionField as field } from '../definitionField';
import { engineModel } from '../engineModel';
import { JOURNAL_LISTS } from '../listNames';
import type { EntityDefinition } from '../types';

const text = (name: string, maxLength: number, extra: Parameters<typeof field>[2] = {}) => field(name, 'string', { maxLength, ...extra });

/**
 * `journalEntry` (contract sections 5 and 6), the type the journal trait adds to the model:
 * stored in `journal_entry` and served by the generic queries (`journalEntry(id:)`,
 * `journalEntries(where:, ...)`), written only through the journal's own mutations. An
 * entry belongs to a record of any journal type (`recordType`, `recordId`), optionally to
 * one of its persons, and may carry a follow-up with owner, due date and recurrence rule.
 * Entries a campaign recorded carry its name, unique per record (`CAMPAIGN_KEY`).
 */
export const JOURNAL_ENTRY_MODEL: EntityDefinition = engineModel({
  name: 'journalEntry',
  plural: 'journalEntries',
  label: { en: 'Journal entry', de: 'Kontakt' },
  fields: [
    text('recordType', 63, { required: true, label: { en: 'Record type', de: 'Datensatztyp' } }),
    text('recordId', 36, { required: true, indexed: true, label: { en: 'Record', de: 'Datensatz' } }),
    text('personId', 36, { indexed: true, label: { en: 'Person', de: 'Person' } }),
    field('kind', 'choice', { list: JOURNAL_LISTS.kind, label: { en: 'Kind', de: 'Kontaktart' } }),
    field('type', 'choice', { list: JOURNAL_LISTS.type, label: { en: 'Type', de: 'Kontakttyp' } }),
    text('subject', 300, { label: { en: 'Subject', de: 'Betreff' } }),
    field('text', 'text', { label: { en: 'Text', de: 'Text' } }),
    field('occurredAt', 'datetime', { required: true, indexed: true, label: { en: 'When', de: 'Zeitpunkt' } }),
    text('recordedBy', 200, { label: { en: 'Recorded by', de: 'Erfasst von' } }),
    text('campaign', 200, { label: { en: 'Campaign', de: 'Aktion' }, description: { en: 'The campaign (recordCampaign) that recorded the entry: one entry per recipient.' } }),
    text('followUpOwner', 200, { indexed: true, label: { en: 'Follow-up owner', de: 'Wiedervorlage für' } }),
    field('followUpDueAt', 'datetime', { label: { en: 'Follow-up due', de: 'Wiedervorlage am' } }),
    field('followUpDone', 'boolean', { required: true, default: false, label: { en: 'Follow-up done', de: 'Erledigt' } }),
    field('followUpDoneAt', 'datetime', { label: { en: 'Done at', de: 'Erledigt am' } }),
    text('followUpDoneBy', 200, { label: { en: 'Done by', de: 'Erledigt von' } }),
    text('followUpRrule', 500, { label: { en: 'Recurrence (RFC 5545 RRULE)', de: 'Wiederholung' } }),
    field('previousOccurrence', 'reference', {
      target: 'journalEntry',
      onDelete: 'setNull',
      inverse: 'nextOccurrences',
      label: { en: 'Previous occurrence', de: 'Vorheriger Termin' },
    }),
  ],
  layout: [
    { section: { en: 'Contact', de: 'Kontakt' }, fields: ['recordType', 'recordId', 'personId', 'kind', 'type', 'subject', 'text', 'occurredAt', 'recordedBy', 'campaign'] },
    {
      section: { en: 'Follow-up', de: 'Wiedervorlage' },
      fields: ['followUpOwner', 'followUpDueAt', 'followUpDone', 'followUpDoneAt', 'followUpDoneBy', 'followUpRrule', 'previousOccurrence'],
    },
  ],
  builtIn: 'journal',
  file: '(journal trait)',
});

/** The definitions with the types that switched-on traits add (journalEntry once any type has `journal`). */
export function withTraitTypes(definitions: readonly EntityDefinition[]): readonly EntityDefinition[] {
  return definitions.some((d) => d.traits.includes('journal')) ? [...definitions, JOURNAL_ENTRY_MODEL] : definitions;
}
