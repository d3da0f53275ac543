import { usePermission } from '@backstage/plugin-permission-react';
import { goldenPathSurveyManagePermission } from '@golden-path/plugin-golden-path-common';

/** Whether the user may create, edit, close and delete campaigns. */
export function useCanManageSurveys(): boolean {
  return usePermission({ permission: goldenPathSurveyManagePermission })
    .allowed;
}
