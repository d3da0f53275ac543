import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  goldenPath?: {
    /**
     * How often the catalog pass records entity provenance. Defaults to every
     * 30 minutes, starting 30 seconds after the backend starts.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  };
}
