import type { LocalizedText } from '../metadata/types';

/** Labels by locale as inputs give them (contract section 6): `{ "en": "Rowing", "de": "Rudern" }`, non-empty. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.entries(value).every(
      ([locale, text]) => /^[a-z]{2}(-[A-Za-z]{2})?$/.test(locale) && typeof text === 'string' && text.trim() !== '' && text.length <= 200,
    )
  );
}
