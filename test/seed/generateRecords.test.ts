import { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import type { FieldDefinition } from '../../src/metadata/types';
import { generateRecords, type GeneratedRecord } from '../../src/seed/generateRecords';
import { SAMPLE_LIST_KEYS, UNKNOWN_LIST_KEYS } from '../../src/seed/sampleListKeys';
import { SeedGenerationError } from '../../src/seed/SeedGenerationError';
import { crmRegistry, entity, field } from './seedFixtures';

const registry = crmRegistry();
const counts = { company: 40, person: 120, employee: 8, project: 20 };
const generated = generateRecords(registry, counts, 42);

function recordsOf(type: string): GeneratedRecord[] {
  return generated.get(type) ?? [];
}

/** Every [field, value] pair of every type, with null values left out. */
function everyValue(): { entity: string; field: FieldDefinition; value: unknown; record: GeneratedRecord }[] {
  return registry.entities.flatMap((e) =>
    recordsOf(e.name).flatMap((record) =>
      e.fields
        .map((f) => ({ entity: e.name, field: f, value: record.values[f.name], record }))
        .filter((x) => x.value !== null && x.value !== undefined),
    ),
  );
}

describe('generateRecords', () => {
  it('gives the same records for the same seed', () => {
    const again = generateRecords(crmRegistry(), counts, 42);
    expect([...again.entries()]).toEqual([...generated.entries()]);
  });

  it('gives other records for another seed', () => {
    const other = generateRecords(registry, counts, 43);
    expect(other.get('company')?.[0]?.id).not.toEqual(recordsOf('company')[0]?.id);
    expect(other.get('company')?.map((r) => r.values.name)).not.toEqual(recordsOf('company').map((r) => r.values.name));
  });

  it('generates the requested number of records per type, none for types not named', () => {
    expect(Object.fromEntries([...generated].map(([name, records]) => [name, records.length]))).toEqual(counts);
    expect(generateRecords(registry, { employee: 3 }, 1).get('project')).toEqual([]);
  });

  it('lists types so that every reference target comes before its source', () => {
    const order = [...generated.keys()];
    expect(order.indexOf('employee')).toBeLessThan(order.indexOf('company'));
    expect(order.indexOf('company')).toBeLessThan(order.indexOf('person'));
    expect(order.indexOf('person')).toBeLessThan(order.indexOf('project'));
  });

  it('gives every record a distinct UUID-shaped id', () => {
    const ids = registry.entities.flatMap((e) => recordsOf(e.name).map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keys values by field name and sets every required field', () => {
    for (const e of registry.entities) {
      for (const record of recordsOf(e.name)) {
        expect(Object.keys(record.values).sort()).toEqual(e.fields.map((f) => f.name).sort());
        for (const f of e.fields.filter((x) => x.required)) expect(record.values[f.name]).not.toBeNull();
      }
    }
  });

  it('leaves optional fields empty now and then', () => {
    const cities = recordsOf('company').map((r) => r.values.city);
    expect(cities.some((c) => c === null)).toBe(true);
    expect(cities.filter((c) => c !== null).length).toBeGreaterThan(cities.length / 2);
  });

  it('keeps unique fields unique', () => {
    for (const e of registry.entities) {
      for (const f of e.fields.filter((x) => x.unique)) {
        const values = recordsOf(e.name).map((r) => r.values[f.name]).filter((v) => v !== null);
        expect(new Set(values).size).toBe(values.length);
      }
    }
  });

  it('cuts strings to maxLength', () => {
    for (const { field: f, value } of everyValue()) {
      if (f.maxLength !== undefined && typeof value === 'string') expect(value.length).toBeLessThanOrEqual(f.maxLength);
    }
    expect(recordsOf('person').some((r) => (r.values.lastName as string).length === 6)).toBe(true);
  });

  it('matches every pattern', () => {
    const patterned = everyValue().filter((x) => x.field.pattern !== undefined);
    expect(patterned.length).toBeGreaterThan(100);
    for (const { field: f, value } of patterned) expect(value).toMatch(new RegExp(f.pattern as string));
  });

  it('takes choices from the options, or from the sample keys of the list', () => {
    for (const { field: f, value } of everyValue()) {
      if (f.type !== 'choice' && f.type !== 'multiChoice') continue;
      const allowed = f.options ?? (f.list === 'noSuchList' ? UNKNOWN_LIST_KEYS : SAMPLE_LIST_KEYS[f.list as string]);
      const values = f.type === 'choice' ? [value] : (value as string[]);
      if (f.type === 'multiChoice') {
        expect(values.length).toBeGreaterThanOrEqual(1);
        expect(values.length).toBeLessThanOrEqual(3);
        expect(new Set(values).size).toBe(values.length);
      }
      for (const v of values) expect(allowed).toContain(v);
    }
  });

  it('keeps numbers within min and max and writes money and decimals as strings', () => {
    for (const { field: f, value } of everyValue()) {
      if (f.type === 'integer') expect(Number.isInteger(value)).toBe(true);
      if (f.type === 'money' || f.type === 'decimal') expect(value).toMatch(/^-?\d+\.\d{2}$/);
      if (f.type !== 'integer' && f.type !== 'money' && f.type !== 'decimal') continue;
      if (f.min !== undefined) expect(Number(value)).toBeGreaterThanOrEqual(f.min);
      if (f.max !== undefined) expect(Number(value)).toBeLessThanOrEqual(f.max);
    }
  });

  it('formats dates, datetimes, booleans, e-mail addresses, phones, URLs and JSON', () => {
    const byType = (type: string) => everyValue().filter((x) => x.field.type === type).map((x) => x.value);
    for (const v of byType('date')) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const v of byType('datetime')) expect(new Date(v as string).toISOString()).toBe(v);
    for (const v of byType('boolean')) expect(typeof v).toBe('boolean');
    for (const v of byType('email')) expect(v).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+$/);
    for (const v of byType('phone')) expect(v).toMatch(/^\+\d{8,15}$/);
    for (const v of byType('url')) expect(new URL(v as string).protocol).toBe('https:');
    for (const v of byType('json')) expect(typeof v).toBe('object');
  });

  it('points references at generated records of the target type, self-references at earlier records', () => {
    const idsOf = (type: string) => new Set(recordsOf(type).map((r) => r.id));
    for (const person of recordsOf('person')) expect(idsOf('company').has(person.values.company as string)).toBe(true);
    for (const project of recordsOf('project')) expect(idsOf('employee').has(project.values.sponsor as string)).toBe(true);
    recordsOf('employee').forEach((employee, index) => {
      const earlier = new Set(recordsOf('employee').slice(0, index).map((r) => r.id));
      if (employee.values.manager !== null) expect(earlier.has(employee.values.manager as string)).toBe(true);
      for (const mentor of employee.values.mentors as string[]) expect(earlier.has(mentor)).toBe(true);
    });
  });

  it('fills references fields with up to three distinct ids of the target type', () => {
    const people = new Set(recordsOf('person').map((r) => r.id));
    const members = recordsOf('project').map((r) => r.values.members as string[]);
    expect(members.some((m) => m.length > 0)).toBe(true);
    for (const m of members) {
      expect(m.length).toBeLessThanOrEqual(3);
      expect(new Set(m).size).toBe(m.length);
      for (const id of m) expect(people.has(id)).toBe(true);
    }
  });

  it('rejects a count for a type the definitions do not have', () => {
    expect(() => generateRecords(registry, { planet: 3 }, 1)).toThrow(SeedGenerationError);
  });

  it('names type and field when a required patterned field cannot be made to match', () => {
    const lookahead = new MetadataRegistry([entity('ticket', [field('code', 'string', { required: true, pattern: '^(?=X)[A-Z]{3}$' })])]);
    expect(() => generateRecords(lookahead, { ticket: 2 }, 1)).toThrow(
      expect.objectContaining({ name: 'SeedGenerationError', entity: 'ticket', field: 'code' }),
    );
  });

  it('leaves an optional patterned field null when it cannot be made to match', () => {
    const lookahead = new MetadataRegistry([entity('ticket', [field('code', 'string', { pattern: '^(?=X)[A-Z]{3}$' })])]);
    const tickets = generateRecords(lookahead, { ticket: 5 }, 1).get('ticket') ?? [];
    expect(tickets.map((t) => t.values.code)).toEqual([null, null, null, null, null]);
  });

  it('names type and field when a required unique field runs out of values', () => {
    const few = new MetadataRegistry([entity('seat', [field('row', 'choice', { required: true, unique: true, options: ['A', 'B'] })])]);
    expect(() => generateRecords(few, { seat: 3 }, 1)).toThrow(expect.objectContaining({ entity: 'seat', field: 'row' }));
  });

  it('makes unique strings unique even when the heuristics repeat themselves', () => {
    const towns = new MetadataRegistry([entity('branch', [field('city', 'string', { required: true, unique: true })])]);
    const cities = (generateRecords(towns, { branch: 200 }, 1).get('branch') ?? []).map((r) => r.values.city);
    expect(new Set(cities).size).toBe(200);
  });

  it('finds room for many unique numbers even where the name suggests a small range', () => {
    const numbered = new MetadataRegistry([entity('badge', [field('number', 'integer', { required: true, unique: true, min: 1 })])]);
    const numbers = (generateRecords(numbered, { badge: 500 }, 1).get('badge') ?? []).map((r) => r.values.number as number);
    expect(new Set(numbers).size).toBe(500);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(1);
  });

  it('throws when required references form a cycle', () => {
    const cyclic = new MetadataRegistry([
      entity('egg', [field('hen', 'reference', { required: true, target: 'hen' })]),
      entity('hen', [field('egg', 'reference', { required: true, target: 'egg' })]),
    ]);
    expect(() => generateRecords(cyclic, { egg: 1, hen: 1 }, 1)).toThrow(SeedGenerationError);
  });

  it('breaks a cycle at an optional reference and leaves that reference empty', () => {
    const cyclic = new MetadataRegistry([
      entity('egg', [field('hen', 'reference', { required: true, target: 'hen' })]),
      entity('hen', [field('favourite', 'reference', { target: 'egg' })]),
    ]);
    const result = generateRecords(cyclic, { egg: 3, hen: 3 }, 1);
    expect([...result.keys()]).toEqual(['hen', 'egg']);
    expect(result.get('hen')?.map((h) => h.values.favourite)).toEqual([null, null, null]);
  });
});
