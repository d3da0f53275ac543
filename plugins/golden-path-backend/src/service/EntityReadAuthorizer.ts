import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

// Long enough to spare the permission round trip across a page's worth of
// card renders, short enough that a policy change shows within seconds.
const DECISION_TTL_MS = 10_000;
const MAX_CACHED_PRINCIPALS = 10_000;

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY | 'conditional';

function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return undefined;
}

/**
 * Decides whether a caller may read an entity in the catalog
 * (`catalog.entity.read`), without fetching the entity. The policy's
 * decision for the caller, which does not depend on the entity, is kept for
 * a few seconds per principal: an unconditional allow or deny then costs
 * nothing. A conditional decision (ownership, kinds, ...) is resolved for
 * the entity by the permission framework on every call. Each replica keeps
 * its own copy; nothing another replica needs lives here.
 */
export class EntityReadAuthorizer {
  private readonly decisions = new Map<
    string,
    { decision: Decision; expires: number }
  >();

  constructor(private readonly permissions: PermissionsService) {}

  async canRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const decision = await this.policyDecision(credentials);
    if (decision !== 'conditional') {
      return decision === AuthorizeResult.ALLOW;
    }
    const [resolved] = await this.permissions.authorize(
      [{ permission: catalogEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    return resolved.result === AuthorizeResult.ALLOW;
  }

  private async policyDecision(
    credentials: BackstageCredentials,
  ): Promise<Decision> {
    const key = principalKey(credentials);
    const now = Date.now();
    const cached = key ? this.decisions.get(key) : undefined;
    if (cached && cached.expires > now) {
      return cached.decision;
    }
    const [response] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    const decision: Decision =
      response.result === AuthorizeResult.CONDITIONAL
        ? 'conditional'
        : response.result;
    if (key) {
      if (this.decisions.size >= MAX_CACHED_PRINCIPALS) {
        this.decisions.clear();
      }
      this.decisions.set(key, { decision, expires: now + DECISION_TTL_MS });
    }
    return decision;
  }
}
