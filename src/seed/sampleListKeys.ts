/**
 * Keys that seeded `choice`/`multiChoice` fields take when they draw from a master list
 * (`list: industry`). The lists themselves are edited at run time; these keys are what the
 * demo data assumes they hold. An unknown list name gets `value1..value3`.
 */
export const SAMPLE_LIST_KEYS: Readonly<Record<string, readonly string[]>> = {
  industry: [
    'software',
    'databaseSoftware',
    'applicationSoftware',
    'consulting',
    'manufacturing',
    'retail',
    'healthcare',
    'finance',
    'logistics',
    'education',
  ],
  interestArea: ['crm', 'analytics', 'cloud', 'security', 'training', 'events'],
  companyClass: ['a', 'b', 'c'],
  function: ['purchasing', 'managingDirector', 'sales', 'it', 'marketing', 'finance', 'hr', 'assistant'],
  personCode: ['vip', 'newsletter', 'partner', 'noMail'],
  journalKind: ['call', 'email', 'meeting', 'letter', 'note'],
  journalType: ['sales', 'support', 'marketing', 'complaint', 'information'],
};

export const UNKNOWN_LIST_KEYS: readonly string[] = ['value1', 'value2', 'value3'];

export function sampleListKeys(listName: string): readonly string[] {
  return Object.hasOwn(SAMPLE_LIST_KEYS, listName) ? (SAMPLE_LIST_KEYS[listName] as readonly string[]) : UNKNOWN_LIST_KEYS;
}

/**
 * Values that benchmark selections look for, with the share of records that should carry
 * them whenever a field offers them: about 30% of companies in the software industry,
 * about 15% of persons in purchasing.
 */
export const FAVOURED_VALUES: Readonly<Record<string, number>> = {
  software: 0.3,
  purchasing: 0.15,
};
