/** Name casing shared by GraphQL inflection and storage naming. */

/** `journalEntry` -> `journal_entry`, `revenueLastYear` -> `revenue_last_year`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** `journalEntry` -> `JournalEntry`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
