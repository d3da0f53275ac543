import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** The runner's team, or "Unassigned" for runners in none. */
export function TeamLink({ team }: { team: string }) {
  return team === 'unassigned' ? (
    <>Unassigned</>
  ) : (
    <EntityRefLink entityRef={team} defaultKind="group" />
  );
}
