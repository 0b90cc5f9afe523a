/**
 * Owners, teams and areas of seeded owned records (issue 5), so the demo shows row scopes:
 * `relata token --sub alice --roles accountManager` sees alice's companies only,
 * `--roles salesRep --areas de` those in area de.
 */
export const SAMPLE_OWNERSHIP: Readonly<Record<string, readonly string[]>> = {
  owner: ['alice', 'bob', 'carol', 'dave'],
  team: ['north', 'south'],
  area: ['de', 'at', 'ch'],
};
