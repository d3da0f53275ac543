import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Grants and revokes golden-path check exemptions: an admin action, audited.
 *
 * @public
 */
export const goldenPathExemptionManagePermission = createPermission({
  name: 'golden-path.exemption.manage',
  attributes: { action: 'update' },
});

/**
 * Lets a user push facts for entities (`POST /facts/{source}`). Service
 * callers, such as CI pipelines with an external access token, need none.
 *
 * @public
 */
export const goldenPathFactsPushPermission = createPermission({
  name: 'golden-path.facts.push',
  attributes: { action: 'create' },
});

/**
 * Reads any template's runs and figures. A template's owners read its own
 * without it.
 *
 * @public
 */
export const goldenPathTemplateRunsReadPermission = createPermission({
  name: 'golden-path.template-runs.read',
  attributes: { action: 'read' },
});

/**
 * Creates, edits, closes and deletes survey campaigns: an admin action,
 * audited.
 *
 * @public
 */
export const goldenPathSurveyManagePermission = createPermission({
  name: 'golden-path.survey.manage',
  attributes: { action: 'update' },
});

/**
 * Reads the free-text answers of survey campaigns. Aggregate results need
 * no permission: they withhold every group below the minimum size.
 *
 * @public
 */
export const goldenPathSurveyCommentsReadPermission = createPermission({
  name: 'golden-path.survey.comments.read',
  attributes: { action: 'read' },
});

/**
 * Lets a user send support tickets (`POST /tickets`, CSV import). Service
 * callers, such as trackers with an external access token, need none.
 *
 * @public
 */
export const goldenPathTicketsWritePermission = createPermission({
  name: 'golden-path.tickets.write',
  attributes: { action: 'create' },
});

/**
 * Lets a user send deployments (`POST /deployments`). Service callers, such
 * as CI/CD with an external access token, need none.
 *
 * @public
 */
export const goldenPathDeploymentsWritePermission = createPermission({
  name: 'golden-path.deployments.write',
  attributes: { action: 'create' },
});

/**
 * Imports portal usage recorded elsewhere (`POST /usage/import`), each event
 * naming its user. Service callers need none.
 *
 * @public
 */
export const goldenPathUsageImportPermission = createPermission({
  name: 'golden-path.usage.import',
  attributes: { action: 'create' },
});

/**
 * Every permission of the Golden Path suite.
 *
 * @public
 */
export const goldenPathPermissions = [
  goldenPathExemptionManagePermission,
  goldenPathFactsPushPermission,
  goldenPathTemplateRunsReadPermission,
  goldenPathSurveyManagePermission,
  goldenPathSurveyCommentsReadPermission,
  goldenPathTicketsWritePermission,
  goldenPathDeploymentsWritePermission,
  goldenPathUsageImportPermission,
];
