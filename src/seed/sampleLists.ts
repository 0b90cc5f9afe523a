import type { LocalizedText } from '../metadata/types';

/** One value of a shipped master list; `demo: false` marks a category the demo data does not pick. */
export interface SampleListValue {
  readonly key: string;
  readonly label: LocalizedText;
  readonly parent?: string;
  readonly demo?: false;
}

const v = (key: string, en: string, de: string, parent?: string, demo?: false): SampleListValue => ({
  key,
  label: { en, de },
  ...(parent !== undefined && { parent }),
  ...(demo === false && { demo }),
});

/**
 * The master lists the sample definitions use (issue 6), installed into an empty list on
 * start. Administrators edit them at run time; records keep the stable keys. journalKind and
 * journalType are two-level: a category, then its values.
 */
export const SAMPLE_LISTS: Readonly<Record<string, readonly SampleListValue[]>> = {
  industry: [
    v('software', 'Software', 'Software'),
    v('databaseSoftware', 'Database software', 'Datenbanksoftware', 'software'),
    v('applicationSoftware', 'Application software', 'Anwendungssoftware', 'software'),
    v('consulting', 'Consulting', 'Beratung'),
    v('manufacturing', 'Manufacturing', 'Fertigung'),
    v('retail', 'Retail', 'Handel'),
    v('healthcare', 'Healthcare', 'Gesundheitswesen'),
    v('finance', 'Finance', 'Finanzen'),
    v('logistics', 'Logistics', 'Logistik'),
    v('education', 'Education', 'Bildung'),
  ],
  interestArea: [
    v('crm', 'CRM', 'CRM'),
    v('analytics', 'Analytics', 'Analyse'),
    v('cloud', 'Cloud', 'Cloud'),
    v('security', 'Security', 'Sicherheit'),
    v('training', 'Training', 'Schulung'),
    v('events', 'Events', 'Veranstaltungen'),
  ],
  companyClass: [v('a', 'A customer', 'A-Kunde'), v('b', 'B customer', 'B-Kunde'), v('c', 'C customer', 'C-Kunde')],
  function: [
    v('purchasing', 'Purchasing', 'Einkauf'),
    v('managingDirector', 'Managing director', 'Geschäftsführung'),
    v('sales', 'Sales', 'Vertrieb'),
    v('it', 'IT', 'IT'),
    v('marketing', 'Marketing', 'Marketing'),
    v('finance', 'Finance', 'Finanzen'),
    v('hr', 'Human resources', 'Personal'),
    v('assistant', 'Assistant', 'Assistenz'),
  ],
  personCode: [
    v('vip', 'VIP', 'VIP'),
    v('newsletter', 'Newsletter', 'Newsletter'),
    v('partner', 'Partner', 'Partner'),
    v('noMail', 'No mailings', 'Keine Werbung'),
  ],
  journalKind: [
    v('conversation', 'Conversation', 'Gespräch', undefined, false),
    v('written', 'Written', 'Schriftlich', undefined, false),
    v('call', 'Phone call', 'Telefonat', 'conversation'),
    v('email', 'E-mail', 'E-Mail', 'written'),
    v('meeting', 'Meeting', 'Besuch', 'conversation'),
    v('letter', 'Letter', 'Brief', 'written'),
    v('note', 'Note', 'Notiz', 'written'),
  ],
  journalType: [
    v('sales', 'Sales', 'Vertrieb'),
    v('support', 'Support', 'Kundendienst'),
    v('marketing', 'Marketing', 'Marketing'),
    v('complaint', 'Complaint', 'Reklamation', 'support'),
    v('information', 'Information', 'Information'),
    v('acquisition', 'Acquisition', 'Akquise', 'sales', false),
    v('offer', 'Offer', 'Angebot', 'sales', false),
  ],
};
