import type { LocalizedText } from '../metadata/types';

/** The text for `locale`, falling back to English, then to any language, then to `fallback`. */
export function localize(text: LocalizedText | undefined, locale: string | undefined, fallback: string): string {
  if (!text) return fallback;
  return (locale && text[locale]) || text.en || Object.values(text)[0] || fallback;
}
