import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** A user of the example organisation and their team. */
export interface ExampleUser {
  name: string;
  email?: string;
  team: string;
}

/** The users of examples/org.yaml with their first group. */
export function exampleUsers(orgFile: string): ExampleUser[] {
  return parseAllDocuments(readFileSync(orgFile, 'utf8'))
    .map(doc => doc.toJS())
    .filter(entity => entity?.kind === 'User' && entity.spec?.memberOf?.length)
    .map(entity => ({
      name: entity.metadata.name,
      email: entity.spec.profile?.email,
      team: `group:default/${entity.spec.memberOf[0]}`,
    }));
}
