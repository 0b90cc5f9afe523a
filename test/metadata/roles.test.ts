import { checkDefinitions, type DefinitionSource } from '../../src/metadata';
import { sampleRegistry } from '../support/registries';

const COMPANY = `name: company
plural: companies
traits: [owned]
fields:
  name: { type: string, readRoles: [admin, sales] }
`;
const PERSON = `name: person
plural: people
fields:
  lastName: { type: string, writeRoles: [sales] }
`;

function problems(roles: string, files: Record<string, string> = { 'company.yaml': COMPANY, 'person.yaml': PERSON }): string[] {
  const sources: DefinitionSource[] = [...Object.entries(files), ['roles.yaml', roles]].map(([file, text]) => ({ file: file!, text: text! }));
  return checkDefinitions(sources).problems.map(String);
}

describe('roles.yaml', () => {
  it('is a document of its own, not a type, and normalises a single scope to every operation', () => {
    const sources = [
      { file: 'company.yaml', text: COMPANY },
      { file: 'person.yaml', text: PERSON },
      { file: 'roles.yaml', text: 'roles:\n  admin: { sensitive: true, permissions: { "*": all } }\n  sales: { permissions: { company: own, person: { read: all } } }\n' },
    ];
    const { registry, problems: found } = checkDefinitions(sources);
    expect(found).toEqual([]);
    expect(registry!.entities.map((e) => e.name)).toEqual(['company', 'person']);
    expect(registry!.role('sales')).toMatchObject({
      sensitive: false,
      permissions: {
        company: { read: 'own', create: 'own', update: 'own', delete: 'own', reassign: 'own' },
        person: { read: 'all', create: 'none', update: 'none', delete: 'none', reassign: 'none' },
      },
    });
    expect(registry!.role('admin')).toMatchObject({ sensitive: true, label: { en: 'Admin' } });
  });

  it('reports unknown keys, bad scopes and operations with file, path and reason', () => {
    expect(
      problems(`roles:
  admin:
    sensitiv: true
    permissions:
      company: { read: everything, write: all }
      person: some
  sales: {}
`),
    ).toEqual([
      'roles.yaml: roles.admin.sensitiv: unknown key "sensitiv" (did you mean "sensitive"?)',
      'roles.yaml: roles.admin.permissions.company.read: must be one of: own, team, area, all, none',
      'roles.yaml: roles.admin.permissions.company.write: unknown key "write"',
      'roles.yaml: roles.admin.permissions.person: must be one of: own, team, area, all, none',
    ]);
  });

  it('reports an unknown type, own/team/area without the owned trait or under *, and unknown roles in readRoles/writeRoles', () => {
    expect(
      problems(`roles:
  admin: { permissions: { "*": own, compny: all } }
  lead: { permissions: { person: team, company: { read: area } } }
  clerk: { permissions: { person: { read: all, update: own } } }
`),
    ).toEqual([
      'company.yaml: fields.name.readRoles[1]: unknown role "sales" in roles.yaml',
      'person.yaml: fields.lastName.writeRoles[0]: unknown role "sales" in roles.yaml',
      'roles.yaml: roles.admin.permissions."*": scope "own" cannot apply to every type: give it per type with the owned trait',
      'roles.yaml: roles.admin.permissions.compny: unknown type "compny" (did you mean "company"?)',
      'roles.yaml: roles.clerk.permissions.person.update: scope "own" needs the owned trait on type "person"',
      'roles.yaml: roles.lead.permissions.person: scope "team" needs the owned trait on type "person"',
    ]);
  });

  it('reports YAML syntax errors of the roles file like those of type files', () => {
    expect(problems('roles: [\n')).toEqual([expect.stringMatching(/^roles\.yaml: \(root\): YAML syntax error at line \d+, column \d+/)]);
  });

  it('without roles.yaml knows only admin, with every right', () => {
    const { registry } = checkDefinitions([{ file: 'person.yaml', text: 'name: person\nplural: people\nfields:\n  lastName: { type: string }\n' }]);
    expect(registry!.roles.roles.map((r) => r.name)).toEqual(['admin']);
    expect(registry!.role('admin')).toMatchObject({ sensitive: true, audit: true, permissions: { '*': { read: 'all', delete: 'all' } } });
  });

  it('ships the sample roles of the issue', () => {
    const registry = sampleRegistry();
    expect(registry.roles.roles.map((r) => r.name)).toEqual(['accountManager', 'admin', 'assistant', 'marketing', 'partner', 'salesManager', 'salesRep']);
    expect(registry.role('accountManager')!.permissions.company).toMatchObject({ read: 'own', update: 'own', delete: 'none' });
    expect(registry.role('assistant')!.sensitive).toBe(false);
  });
});
