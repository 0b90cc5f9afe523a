/**
 * The vocabulary demo data is made of: German-flavoured names, streets and places, so that
 * a newcomer's first look at the API shows plausible CRM records. Plain ASCII where the
 * value ends up in an e-mail address or URL (see `asciiSlug`).
 */

export const FEMALE_FIRST_NAMES = [
  'Anna', 'Julia', 'Laura', 'Lena', 'Sarah', 'Katharina', 'Maria', 'Sophie', 'Hannah', 'Lisa',
  'Claudia', 'Sabine', 'Petra', 'Monika', 'Andrea', 'Nicole', 'Stefanie', 'Jana', 'Miriam', 'Elif',
] as const;

export const MALE_FIRST_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Alexander', 'Daniel', 'Jan', 'Tobias',
  'Lukas', 'Felix', 'Jonas', 'Peter', 'Frank', 'Jürgen', 'Uwe', 'Matthias', 'Sebastian', 'Murat',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Keller', 'Krause', 'Lehmann', 'Huber', 'Kaiser',
  'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich',
] as const;

export const COMPANY_SECTORS = [
  'Software', 'Systems', 'Consulting', 'Datentechnik', 'Logistik', 'Maschinenbau', 'Handel',
  'Medizintechnik', 'Solutions', 'Elektronik', 'Bau', 'Finanzdienste', 'Digital', 'Analytics',
] as const;

export const LEGAL_FORMS = ['GmbH', 'GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'e.K.', 'SE', 'OHG'] as const;

export const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenweg', 'Gartenstraße',
  'Kaiserstraße', 'Industriestraße', 'Am Markt', 'Mozartstraße', 'Saarbrücker Straße', 'Parkallee',
  'Rathausplatz', 'Dudweiler Landstraße', 'Am Stadtpark', 'Mainzer Straße',
] as const;

/** Places whose postal codes start with 66 (Saarland and around), for regional selections. */
export const CITIES_66 = [
  { prefix: '661', city: 'Saarbrücken' },
  { prefix: '664', city: 'Homburg' },
  { prefix: '665', city: 'Neunkirchen' },
  { prefix: '667', city: 'Merzig' },
  { prefix: '663', city: 'Völklingen' },
  { prefix: '666', city: 'St. Wendel' },
] as const;

export const OTHER_CITIES = [
  { prefix: '10', city: 'Berlin' },
  { prefix: '20', city: 'Hamburg' },
  { prefix: '80', city: 'München' },
  { prefix: '50', city: 'Köln' },
  { prefix: '60', city: 'Frankfurt am Main' },
  { prefix: '70', city: 'Stuttgart' },
  { prefix: '40', city: 'Düsseldorf' },
  { prefix: '04', city: 'Leipzig' },
  { prefix: '01', city: 'Dresden' },
  { prefix: '30', city: 'Hannover' },
  { prefix: '90', city: 'Nürnberg' },
  { prefix: '67', city: 'Kaiserslautern' },
  { prefix: '54', city: 'Trier' },
  { prefix: '55', city: 'Mainz' },
] as const;

export const DEPARTMENTS = [
  'Sales', 'Purchasing', 'IT', 'Marketing', 'Finance', 'HR', 'Management', 'Support', 'Logistics',
] as const;

export const JOB_TITLES = [
  'Head of Purchasing', 'Managing Director', 'Sales Manager', 'IT Administrator', 'Marketing Lead',
  'Controller', 'HR Business Partner', 'Office Manager', 'Project Manager', 'Key Account Manager',
] as const;

export const ACADEMIC_TITLES = ['Dr.', 'Prof.', 'Prof. Dr.', 'Dipl.-Ing.', 'Dr. med.'] as const;

export const SUBJECTS = [
  'Follow-up call', 'Quote for licences', 'Annual review', 'Kick-off meeting', 'Trade fair contact',
  'Support request', 'Contract renewal', 'Product demo', 'Newsletter sign-up', 'Complaint',
  'Training request', 'Price negotiation', 'Reference visit', 'Cloud migration', 'Security audit',
] as const;

export const SENTENCES = [
  'Customer asked for an updated quote.',
  'Met at the trade fair in Hannover; interested in the analytics module.',
  'Prefers contact by e-mail in the morning.',
  'Budget for next year is being planned in October.',
  'Renewal is due at the end of the quarter.',
  'Requested a demo for the purchasing team.',
  'Decision maker is the managing director.',
  'Open ticket about the interface to the ERP system.',
  'Sent the brochure and the price list.',
  'Wants to extend the number of licences.',
] as const;

export const TOPIC_WORDS = [
  'Cloud', 'Analytics', 'Security', 'Training', 'Migration', 'Support', 'Platform', 'Integration',
  'Service', 'Portal', 'Upgrade', 'Rollout',
] as const;

export const TOPIC_NOUNS = [
  'Project', 'Package', 'Campaign', 'Initiative', 'Contract', 'Plan', 'Programme', 'Bundle',
] as const;
