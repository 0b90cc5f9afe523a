import type { DefinitionSource } from './DefinitionSource';
import { didYouMean } from './closestName';
import { InvalidDefinitionsError, MetadataError } from './MetadataError';
import { MetadataRegistry } from './MetadataRegistry';
import { typeNameOfFile } from './naming';
import { parseDefinition } from './parseDefinition';
import { readDefinitions } from './readDefinitions';
import { withTraitTypes } from './traits/journalModel';
import { checkRoles } from './roles/checkRoles';
import { DEFAULT_ROLES } from './roles/defaultRoles';
import { parseRoles, ROLES_FILE } from './roles/parseRoles';
import type { RolesModel } from './roles/RoleDefinition';
import type { EntityDefinition } from './types';
import { validateDefinitions } from './validateDefinitions';

export interface CheckedDefinitions {
  /** Present only when there are no problems. */
  readonly registry?: MetadataRegistry;
  readonly problems: readonly MetadataError[];
}

/**
 * Parses and cross-checks a whole definition set without touching the disk (contract
 * section 2): every problem of every file, and a registry only when there are none.
 */
export function checkDefinitions(sources: readonly DefinitionSource[]): CheckedDefinitions {
  const problems: MetadataError[] = [];
  const definitions: EntityDefinition[] = [];
  const unresolvedTypes = new Set<string>();
  const unresolvedTargets: { file: string; field: string; target: string }[] = [];
  let roles: RolesModel | undefined;
  for (const source of sources) {
    // roles.yaml is the roles document, not a type (issue 5).
    if (source.file === ROLES_FILE) {
      const parsed = parseRoles(source);
      problems.push(...parsed.errors);
      roles = parsed.roles;
      continue;
    }
    const { definition, errors, targets = [] } = parseDefinition(source);
    problems.push(...errors);
    if (definition) definitions.push(definition);
    else unresolvedTypes.add(typeNameOfFile(source.file));
    unresolvedTargets.push(...targets.map((t) => ({ ...t, file: source.file })));
  }
  problems.push(...validateDefinitions(definitions, { unresolvedTypes }));
  const rolesFailed = sources.some((s) => s.file === ROLES_FILE) && !roles;
  // Roles may grant the types traits add (journalEntry) as well.
  const withTraits = withTraitTypes(definitions);
  if (!rolesFailed) problems.push(...checkRoles(roles ?? DEFAULT_ROLES, withTraits, unresolvedTypes));
  // Files with problems of their own still get their targets checked: every problem at once.
  const known = new Set([...definitions.map((d) => d.name), ...unresolvedTypes]);
  for (const { file, field, target } of unresolvedTargets) {
    if (!known.has(target)) {
      problems.push(new MetadataError(file, `fields.${field}.target`, `unknown type "${target}"${didYouMean(target, known)}`));
    }
  }
  if (problems.length === 0) return { registry: new MetadataRegistry(withTraits, roles), problems };
  return { problems: groupByFile(problems, sources) };
}

/** Problems grouped by file in source order; within a file, per-file problems come first. */
function groupByFile(problems: readonly MetadataError[], sources: readonly DefinitionSource[]): MetadataError[] {
  const order = new Map(sources.map((source, index) => [source.file, index]));
  const rank = (problem: MetadataError) => order.get(problem.file) ?? sources.length;
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem) - rank(b.problem) || a.index - b.index)
    .map((entry) => entry.problem);
}

/**
 * Reads, checks and freezes the definitions in `dir` (`METADATA_DIR`, contract section 1);
 * throws `InvalidDefinitionsError` with every problem when any file is bad.
 */
export async function loadDefinitions(dir: string): Promise<MetadataRegistry> {
  return (await loadDefinitionSet(dir)).registry;
}

/** Like `loadDefinitions`, with the file texts too (stored with each applied version, issue 4). */
export async function loadDefinitionSet(dir: string): Promise<{ registry: MetadataRegistry; sources: DefinitionSource[] }> {
  const sources = await readDefinitions(dir);
  const { registry, problems } = checkDefinitions(sources);
  if (!registry) throw new InvalidDefinitionsError(problems);
  return { registry, sources };
}
