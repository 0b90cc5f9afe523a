import { join } from 'node:path';
import { loadDefinitions } from '../../src/metadata';
import type { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { generateRecords, type GeneratedRecord } from '../../src/seed/generateRecords';
import { seedCounts } from '../../src/seed/seedCounts';
import { DEMO_COMPANIES } from '../../src/seed/seedDatabase';

const METADATA_DIR = join(__dirname, '../../metadata-definitions');

describe('seed data for the sample definitions', () => {
  let registry: MetadataRegistry;
  let data: Map<string, GeneratedRecord[]>;

  beforeAll(async () => {
    registry = await loadDefinitions(METADATA_DIR);
    data = generateRecords(registry, seedCounts(registry, 1000), 7);
  });

  const share = (records: readonly GeneratedRecord[], test: (r: GeneratedRecord) => boolean) =>
    records.filter(test).length / records.length;
  const records = (type: string) => data.get(type) ?? [];

  it('has a few hundred records in all for the demo', () => {
    const counts = seedCounts(registry, DEMO_COMPANIES);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts.company).toBe(DEMO_COMPANIES);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThan(1000);
  });

  it('puts about 30% of companies in the software industry, with one to three industries each', () => {
    const companies = records('company');
    const withIndustries = companies.filter((c) => c.values.industries !== null);
    for (const c of withIndustries) expect((c.values.industries as string[]).length).toBeLessThanOrEqual(3);
    const software = share(companies, (c) => ((c.values.industries as string[] | null) ?? []).includes('software'));
    expect(software).toBeGreaterThan(0.22);
    expect(software).toBeLessThan(0.38);
  });

  it('gives about 30% of companies a revenue of at least 100,000, none above 2,000,000', () => {
    const companies = records('company');
    const high = share(companies, (c) => Number(c.values.revenueLastYear ?? 0) >= 100_000);
    expect(high).toBeGreaterThan(0.24);
    expect(high).toBeLessThan(0.36);
    for (const c of companies) expect(Number(c.values.revenueLastYear ?? 0)).toBeLessThanOrEqual(2_000_000);
  });

  it('gives companies 0 to 20 licences', () => {
    const licences = records('company').map((c) => c.values.licences).filter((l) => l !== null) as number[];
    expect(Math.min(...licences)).toBe(0);
    expect(Math.max(...licences)).toBe(20);
  });

  it('puts about 15% of persons in purchasing', () => {
    const purchasing = share(records('person'), (p) => p.values.function === 'purchasing');
    expect(purchasing).toBeGreaterThan(0.1);
    expect(purchasing).toBeLessThan(0.2);
  });

  it('writes German-like addresses: five-digit postal codes, some in the 66 region, mostly DE', () => {
    const companies = records('company').filter((c) => c.values.postalCode !== null);
    for (const c of companies) expect(c.values.postalCode).toMatch(/^\d{5}$/);
    const region66 = share(companies, (c) => (c.values.postalCode as string).startsWith('66'));
    expect(region66).toBeGreaterThan(0.15);
    expect(region66).toBeLessThan(0.5);
    const countries = records('company').map((c) => c.values.country).filter((c) => c !== null) as string[];
    expect(countries.filter((c) => c === 'DE').length / countries.length).toBeGreaterThan(0.7);
    expect(new Set(countries)).toEqual(new Set(['DE', 'AT', 'CH', 'FR', 'NL']));
  });

  it('names companies like companies and persons like persons', () => {
    for (const c of records('company').slice(0, 50)) expect(c.values.name).toMatch(/^\S+ \S+ (GmbH|AG|KG|SE|OHG|e\.K\.|GmbH & Co\. KG)$/);
    const firstNames = new Set(records('person').map((p) => p.values.firstName));
    expect(firstNames.has('Anna') || firstNames.has('Thomas')).toBe(true);
  });
});
