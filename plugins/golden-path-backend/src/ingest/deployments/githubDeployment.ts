import { named, repositoryItemId } from '../tickets/webhookPayloads';

/** What a GitHub webhook delivery means for the deployment store. */
export type GithubDeployment =
  | { deployment: Record<string, unknown> }
  | { ignored: string };

type Json = Record<string, any>;

// A deployment status that says how the deployment ended.
const FINAL_STATES = new Map([
  ['success', 'success'],
  ['failure', 'failure'],
  ['error', 'failure'],
]);

/**
 * A GitHub `deployment_status` event as a deployment: the repository is
 * matched to the Component annotated `github.com/project-slug: owner/name`,
 * else to the Component named as the repository (the service); the
 * deployment's environment and creation time, the status time as the
 * update. Commit times come from the deployment's payload
 * (`{"commitTimes": [...]}`), where the workflow that created it put them.
 * Statuses that are not final (queued, pending, in_progress, inactive) are
 * acknowledged and ignored.
 */
export function githubDeployment(
  event: string | undefined,
  body: Json,
): GithubDeployment {
  if (event !== 'deployment_status') {
    return {
      ignored: `GitHub event '${named(event)}' carries no deployment`,
    };
  }
  const status = body?.deployment_status;
  const deployment = body?.deployment;
  const outcome = FINAL_STATES.get(named(status?.state));
  if (!outcome) {
    return {
      ignored: `deployment status '${named(status?.state)}' is not final`,
    };
  }
  return {
    deployment: {
      id: repositoryItemId(body?.repository?.full_name, deployment?.id),
      service: body?.repository?.name,
      ...(body?.repository?.full_name
        ? { repository: body.repository.full_name }
        : {}),
      environment: deployment?.environment ?? status?.environment,
      deployedAt: deployment?.created_at,
      updatedAt: status?.created_at ?? status?.updated_at,
      outcome,
      ...(Array.isArray(deployment?.payload?.commitTimes)
        ? { commitTimes: deployment.payload.commitTimes }
        : {}),
      ...(deployment?.sha
        ? {
            version:
              typeof deployment.sha === 'string'
                ? deployment.sha.slice(0, 40)
                : deployment.sha,
          }
        : {}),
      ...(status?.target_url || status?.log_url
        ? { url: status.target_url || status.log_url }
        : {}),
    },
  };
}
