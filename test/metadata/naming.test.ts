import { humanise, typeNameOfFile } from '../../src/metadata';
import { closestName } from '../../src/metadata/closestName';

describe('naming', () => {
  it('humanises a camelCase name into a label', () => {
    expect(humanise('journalEntry')).toBe('Journal entry');
    expect(humanise('revenueLastYear')).toBe('Revenue last year');
    expect(humanise('vatID')).toBe('Vat ID');
    expect(humanise('name')).toBe('Name');
  });

  it('takes the type name from the file name', () => {
    expect(typeNameOfFile('patient.yaml')).toBe('patient');
    expect(typeNameOfFile('journalEntry.yml')).toBe('journalEntry');
  });

  it('suggests a close name only when it is close enough', () => {
    expect(closestName('compny', ['company', 'person'])).toBe('company');
    expect(closestName('comapny', ['company'])).toBe('company');
    expect(closestName('nme', ['name', 'age'])).toBe('name');
    expect(closestName('nme', ['age'])).toBeUndefined();
    expect(closestName('physician', ['company'])).toBeUndefined();
  });
});
