/** Name casing shared by GraphQL inflection and storage naming. */

// Names come from a small, fixed model but are asked for on every request by the compiler.
const snakeCases = new Map<string, string>();

/** `journalEntry` -> `journal_entry`, `revenueLastYear` -> `revenue_last_year`. */
export function snakeCase(name: string): string {
  let snake = snakeCases.get(name);
  if (snake === undefined) {
    snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
    snakeCases.set(name, snake);
  }
  return snake;
}

/** `journalEntry` -> `JournalEntry`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
