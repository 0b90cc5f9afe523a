import type { Random } from './random';
import {
  CITIES_66,
  COMPANY_SECTORS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  MALE_FIRST_NAMES,
  OTHER_CITIES,
  STREETS,
} from './sampleWords';

/**
 * Who one generated record "is": a person and a company with one address, drawn once per
 * record so that its fields agree with each other (the e-mail address is made of the name,
 * the city fits the postal code, the salutation fits the first name).
 */
export interface Persona {
  readonly female: boolean;
  readonly firstName: string;
  readonly lastName: string;
  readonly companyName: string;
  /** `keller-software`, for e-mail domains and websites. */
  readonly companySlug: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
}

const OTHER_COUNTRIES = ['AT', 'CH', 'FR', 'NL'] as const;

export function createPersona(random: Random): Persona {
  const female = random.chance(0.5);
  const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const stem = random.pick(LAST_NAMES);
  const sector = random.pick(COMPANY_SECTORS);
  const place = random.chance(0.3) ? random.pick(CITIES_66) : random.pick(OTHER_CITIES);
  const postalCode = (place.prefix + String(random.int(0, 999)).padStart(3, '0')).slice(0, 5);
  return {
    female,
    firstName,
    lastName,
    companyName: `${stem} ${sector} ${random.pick(LEGAL_FORMS)}`,
    companySlug: asciiSlug(`${stem} ${sector}`),
    street: `${random.pick(STREETS)} ${random.int(1, 140)}`,
    postalCode,
    city: place.city,
    country: random.chance(0.8) ? 'DE' : random.pick(OTHER_COUNTRIES),
  };
}

/** `Jürgen Weiß & Söhne` -> `juergen-weiss-soehne`: safe in e-mail addresses and host names. */
export function asciiSlug(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
