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
 * Every permission of the Golden Path suite.
 *
 * @public
 */
export const goldenPathPermissions = [
  goldenPathExemptionManagePermission,
  goldenPathFactsPushPermission,
];
