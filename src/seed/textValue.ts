import type { FieldDefinition } from '../metadata/types';
import { asciiSlug } from './persona';
import {
  ACADEMIC_TITLES,
  DEPARTMENTS,
  JOB_TITLES,
  SENTENCES,
  SUBJECTS,
  TOPIC_NOUNS,
  TOPIC_WORDS,
} from './sampleWords';
import type { ValueContext } from './ValueContext';

/**
 * A plausible value for a `string`, `text`, `email`, `phone` or `url` field, chosen by the
 * field's type and name (`firstName`, `street`, `postalCode`, `insuranceNumber`, ...).
 * Constraints (`maxLength`, `pattern`, `unique`) are applied afterwards by the caller.
 */
export function textValue(field: FieldDefinition, ctx: ValueContext): string {
  if (field.type === 'email') return email(ctx);
  if (field.type === 'phone') return phone(field.name, ctx);
  if (field.type === 'url') return website(ctx);
  const rule = NAME_RULES.find(([pattern]) => pattern.test(field.name));
  if (rule) return rule[1](ctx, field.name);
  return field.type === 'text' ? sentences(ctx) : topic(ctx);
}

type TextRule = readonly [RegExp, (ctx: ValueContext, fieldName: string) => string];

/** First match wins, so specific names come before general ones. */
const NAME_RULES: readonly TextRule[] = [
  [/^(first|given|fore)name$/i, ({ persona }) => persona.firstName],
  [/^(last|sur|family)name$/i, ({ persona }) => persona.lastName],
  [/^(full|contact|person|display)name$/i, ({ persona }) => `${persona.firstName} ${persona.lastName}`],
  [/^(company|organi[sz]ation|firm|legal)name$|^name$/i, name],
  [/e-?mail/i, email],
  [/mobile|cell/i, (ctx) => mobile(ctx)],
  [/phone|fax|^tel/i, (ctx, fieldName) => phone(fieldName, ctx)],
  [/website|homepage|url$|^web/i, website],
  [/street|^address(line)?$/i, ({ persona }) => persona.street],
  [/postal|zip|^plz$/i, ({ persona }) => persona.postalCode],
  [/city|town/i, ({ persona }) => persona.city],
  [/country/i, ({ persona }) => persona.country],
  [/salutation|greeting/i, ({ persona }) => (persona.female ? 'Frau' : 'Herr')],
  [/^(academic)?title$/i, (ctx) => (ctx.kind === 'person' ? ctx.random.pick(ACADEMIC_TITLES) : ctx.random.pick(SUBJECTS))],
  [/subject|headline|summary/i, ({ random }) => random.pick(SUBJECTS)],
  [/department/i, ({ random }) => random.pick(DEPARTMENTS)],
  [/position|jobtitle|^role$/i, ({ random }) => random.pick(JOB_TITLES)],
  [/insurance(Number|No|Nr)$/i, insuranceNumber],
  [/(Number|No|Nr|Code)$|^(number|code)$/, numberCode],
  [/description|notes?$|comment|remark|text$/i, sentences],
];

function name(ctx: ValueContext): string {
  const { persona, kind, random } = ctx;
  if (kind === 'company') return persona.companyName;
  if (kind === 'person') return `${persona.firstName} ${persona.lastName}`;
  return `${random.pick(TOPIC_WORDS)} ${random.pick(TOPIC_NOUNS)}`;
}

/** Unique within the type: the record's position is part of the address. */
function email({ persona, kind, index }: ValueContext): string {
  const domain = `${persona.companySlug}.example.com`;
  if (kind === 'company') return `info${index + 1}@${domain}`;
  return `${asciiSlug(persona.firstName)}.${asciiSlug(persona.lastName)}${index + 1}@${domain}`;
}

const COUNTRY_CODES: Readonly<Record<string, string>> = { DE: '49', AT: '43', CH: '41', FR: '33', NL: '31' };
const AREA_CODES = ['681', '6841', '6821', '30', '40', '89', '221', '69', '711'] as const;

/** E.164 without spaces (`+496811234567`), which every phone scalar accepts. */
function phone(fieldName: string, ctx: ValueContext): string {
  if (/mobile|cell/i.test(fieldName)) return mobile(ctx);
  const { persona, random } = ctx;
  const country = COUNTRY_CODES[persona.country] ?? '49';
  return `+${country}${random.pick(AREA_CODES)}${random.int(1000000, 9999999)}`;
}

function mobile({ random }: ValueContext): string {
  return `+4915${random.int(1, 9)}${random.int(10000000, 99999999)}`;
}

function website({ persona }: ValueContext): string {
  return `https://www.${persona.companySlug}.example.com`;
}

/** The German health insurance number shape: a letter and nine digits. */
function insuranceNumber({ random }: ValueContext): string {
  return `${String.fromCharCode(65 + random.int(0, 25))}${random.int(100000000, 999999999)}`;
}

/** `M100042` for `membershipNumber`: a block of 37 numbers per record keeps it unique. */
function numberCode({ random, index }: ValueContext, fieldName: string): string {
  return `${fieldName.charAt(0).toUpperCase()}${100000 + index * 37 + random.int(0, 36)}`;
}

function sentences({ random }: ValueContext): string {
  return random.pickSome(SENTENCES, 1, 3).join(' ');
}

function topic({ random }: ValueContext): string {
  return `${random.pick(TOPIC_WORDS)} ${random.pick(TOPIC_NOUNS)}`;
}
