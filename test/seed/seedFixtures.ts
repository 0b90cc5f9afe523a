import { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition, FieldType } from '../../src/metadata/types';

/**
 * Hand-written definitions for the seed tests: a small CRM (company, person, employee,
 * project) that uses every field type and every constraint the generator honours.
 */

type FieldOptions = Partial<Omit<FieldDefinition, 'name' | 'type'>>;

export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDefinition {
  return { name, type, required: false, unique: false, indexed: false, label: {}, sensitive: false, personal: false, temporal: false, ...options };
}

export function entity(name: string, fields: readonly FieldDefinition[], plural = `${name}s`): EntityDefinition {
  return { name, plural, label: { en: name }, traits: [], addressKinds: [], fields, layout: [], file: `${name}.yaml` };
}

export const INSURANCE_PATTERN = '^[A-Z][0-9]{9}$';
export const EMPLOYEE_CODE_PATTERN = '^EMP-[0-9]{4}$';

export function companyEntity(): EntityDefinition {
  return entity(
    'company',
    [
      field('name', 'string', { required: true, maxLength: 200, indexed: true }),
      field('customerNumber', 'string', { required: true, unique: true, maxLength: 12 }),
      field('street', 'string', { maxLength: 200 }),
      field('postalCode', 'string', { maxLength: 20 }),
      field('city', 'string', { maxLength: 100 }),
      field('country', 'string', { maxLength: 2, pattern: '^[A-Z]{2}$' }),
      field('industries', 'multiChoice', { list: 'industry', indexed: true }),
      field('companyClass', 'choice', { list: 'companyClass' }),
      field('tags', 'multiChoice', { options: ['hot', 'cold', 'key'] }),
      field('salesRep', 'reference', { target: 'employee', onDelete: 'setNull', inverse: 'accounts' }),
      field('revenueLastYear', 'money', { min: 0 }),
      field('licences', 'integer', { min: 0 }),
      field('rating', 'decimal', { min: 1, max: 5 }),
      field('website', 'url'),
      field('phone', 'phone'),
      field('notes', 'text'),
      field('foundedOn', 'date'),
      field('lastContactAt', 'datetime'),
      field('active', 'boolean', { required: true }),
      field('profile', 'json'),
      field('partners', 'references', { target: 'company' }),
    ],
    'companies',
  );
}

export function personEntity(insuranceNumber: FieldOptions = { unique: true, required: true, pattern: INSURANCE_PATTERN }): EntityDefinition {
  return entity(
    'person',
    [
      field('salutation', 'choice', { options: ['Mr', 'Ms', 'Mx', 'Dr'] }),
      field('title', 'string', { maxLength: 50 }),
      field('firstName', 'string', { maxLength: 120 }),
      field('lastName', 'string', { required: true, maxLength: 6 }),
      field('email', 'email', { required: true, unique: true }),
      field('function', 'choice', { list: 'function' }),
      field('hobbies', 'multiChoice', { list: 'noSuchList' }),
      field('insuranceNumber', 'string', insuranceNumber),
      field('company', 'reference', { required: true, target: 'company', onDelete: 'cascade', inverse: 'people' }),
      field('birthDate', 'date'),
    ],
    'people',
  );
}

export function employeeEntity(): EntityDefinition {
  return entity('employee', [
    field('code', 'string', { required: true, unique: true, pattern: EMPLOYEE_CODE_PATTERN }),
    field('firstName', 'string', { maxLength: 120 }),
    field('lastName', 'string', { required: true, maxLength: 120 }),
    field('email', 'email', { required: true, unique: true }),
    field('department', 'choice', { options: ['sales', 'marketing', 'support'] }),
    field('manager', 'reference', { target: 'employee', onDelete: 'setNull' }),
    field('mentors', 'references', { target: 'employee', inverse: 'mentees' }),
  ]);
}

export function projectEntity(): EntityDefinition {
  return entity('project', [
    field('name', 'string', { required: true }),
    field('budget', 'money', { required: true, min: 1000, max: 5000 }),
    field('priority', 'integer', { required: true, min: 1, max: 3 }),
    field('company', 'reference', { target: 'company', onDelete: 'setNull' }),
    field('sponsor', 'reference', { required: true, target: 'employee', onDelete: 'restrict' }),
    field('members', 'references', { target: 'person' }),
  ]);
}

/** company, person, employee and project, covering every field type. */
export function crmRegistry(): MetadataRegistry {
  return new MetadataRegistry([companyEntity(), personEntity(), employeeEntity(), projectEntity()]);
}
