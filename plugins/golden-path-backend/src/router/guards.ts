import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/** Throws 403, naming the permission, unless the caller holds it. */
export async function requirePermission(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
  action: string,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${action} needs the ${permission.name} permission`,
    );
  }
}

/**
 * Runs a mutation inside an audit event: success with the meta it returns,
 * failure with the error, which still reaches the caller.
 */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  event: { eventId: string; severityLevel: 'low' | 'medium'; meta: JsonObject },
  mutation: () => Promise<{ result: T; meta: JsonObject }>,
): Promise<T> {
  const auditEvent = await auditor.createEvent({ ...event, request: req });
  try {
    const { result, meta } = await mutation();
    await auditEvent.success({ meta });
    return result;
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
}
