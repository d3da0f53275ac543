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
 * Every permission of the Golden Path suite.
 *
 * @public
 */
export const goldenPathPermissions = [goldenPathExemptionManagePermission];
