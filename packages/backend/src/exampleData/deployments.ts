import { DeploymentInput } from '@golden-path/plugin-golden-path-common';
import { Random } from './random';

const DAY = 86_400_000;
const MINUTE = 60_000;
const WEEKS = 26;

// Deployments per week, and a service no catalog entity describes yet.
const SERVICES: Array<{ service: string; perWeek: number }> = [
  { service: 'payments-api', perWeek: 12 },
  { service: 'checkout-web', perWeek: 8 },
  { service: 'search-indexer', perWeek: 4 },
  { service: 'ledger-batch', perWeek: 2 },
  { service: 'legacy-billing', perWeek: 0.5 },
  { service: 'fraud-scoring', perWeek: 3 },
];

// One deployment in twenty is rolled back, another fails.
function outcomeOf(roll: number): DeploymentInput['outcome'] {
  if (roll < 0.05) return 'rolled-back';
  return roll < 0.1 ? 'failure' : 'success';
}

/**
 * Half a year of deployments from CI/CD: staging then production, lead
 * times shortening as the pipeline improves, a few failures and rollbacks.
 */
export function exampleDeployments(
  random: Random,
  now: Date,
): DeploymentInput[] {
  const deployments: DeploymentInput[] = [];
  for (const { service, perWeek } of SERVICES) {
    for (let week = WEEKS; week >= 1; week--) {
      const count = Math.floor(perWeek + random.next());
      for (let i = 0; i < count; i++) {
        const deployedAt =
          now.getTime() - week * 7 * DAY + random.next() * 7 * DAY;
        if (deployedAt > now.getTime()) continue;
        // From about two hours half a year ago to about forty minutes now.
        const lead = random.logNormal((40 + week * 3) * MINUTE, 0.6);
        const commits = [deployedAt - lead, deployedAt - lead / 2];
        const outcome = outcomeOf(random.next());
        const id = `${service}-${deployments.length}`;
        deployments.push({
          id: `${id}-staging`,
          service,
          environment: 'staging',
          // Staging gets the same commits a little before production.
          deployedAt: new Date(deployedAt - lead / 3).toISOString(),
          commitTimes: commits.map(t => new Date(t).toISOString()),
          outcome: 'success',
        });
        deployments.push({
          id,
          service,
          environment: 'production',
          deployedAt: new Date(deployedAt).toISOString(),
          commitTimes: commits.map(t => new Date(t).toISOString()),
          outcome,
          version: `1.${deployments.length}.0`,
        });
      }
    }
  }
  return deployments;
}
