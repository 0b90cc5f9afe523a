import { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { seedCounts } from '../../src/seed/seedCounts';
import { crmRegistry, entity, field } from './seedFixtures';

describe('seedCounts', () => {
  it('sizes company, the types that belong to it, employees and the rest', () => {
    expect(seedCounts(crmRegistry(), 60)).toEqual({ company: 60, person: 180, employee: 5, project: 30 });
    expect(seedCounts(crmRegistry(), 1000)).toEqual({ company: 1000, person: 3000, employee: 50, project: 500 });
  });

  it('gives a type that only company points at the employee count, whatever its name', () => {
    const registry = new MetadataRegistry([
      entity('company', [field('owner', 'reference', { target: 'clerk' })], 'companies'),
      entity('clerk', [field('buddy', 'reference', { target: 'clerk' })]),
      entity('invoice', [field('customer', 'reference', { target: 'company' })]),
    ]);
    expect(seedCounts(registry, 300)).toEqual({ company: 300, clerk: 15, invoice: 150 });
  });

  it('sizes every type by half the companies when there is no company type', () => {
    const registry = new MetadataRegistry([entity('patient', [field('lastName', 'string')])]);
    expect(seedCounts(registry, 7)).toEqual({ patient: 4 });
  });
});
