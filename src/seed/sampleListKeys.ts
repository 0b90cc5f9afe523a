import { SAMPLE_LISTS } from './sampleLists';

/**
 * Keys that seeded `choice`/`multiChoice` fields take when they draw from a master list
 * (`list: industry`): the shipped values of `SAMPLE_LISTS` but its categories. The lists are edited
 * at run time; these keys are what the demo data assumes they hold. An unknown list name gets `value1..value3`.
 */
export const SAMPLE_LIST_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(SAMPLE_LISTS).map(([list, values]) => [list, values.filter((value) => value.demo !== false).map((value) => value.key)]),
);

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
