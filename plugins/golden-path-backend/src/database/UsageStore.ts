/** A portal analytics event as stored. */
export interface UsageEventRecord {
  eventId: string;
  at: Date;
  userRef: string;
  team: string;
  pluginId: string;
  /** The page or extension: the extension id, else the route, else the plugin. */
  feature: string;
  action: string;
  subject: string;
}

/** How much of the portal a slice used. */
export interface FeatureUsageRow {
  pluginId: string;
  feature: string;
  events: number;
  teams: number;
}

/** Portal usage events, their weekly rollups, and the installed plugins. */
export interface UsageStore {
  /**
   * Stores events not stored before (by user and event id), counting each
   * once in the rollups, and notes the plugins the portal says it has.
   */
  recordEvents(
    events: UsageEventRecord[],
    installedPlugins: string[],
    now: Date,
  ): Promise<{ stored: number; duplicates: number }>;
  /**
   * Active users and their teams per week (Monday keys) in the range: each
   * user counted once a week, in their first team of the week.
   */
  activeByWeek(
    fromWeek: string,
    toWeek: string,
    teams?: string[],
  ): Promise<Array<{ week: string; users: number; teams: string[] }>>;
  /** Distinct users active in the weeks, per team. */
  activeUsersByTeam(
    fromWeek: string,
    toWeek: string,
  ): Promise<Map<string, number>>;
  /** Distinct users active in the weeks. */
  activeUsers(
    fromWeek: string,
    toWeek: string,
    teams?: string[],
  ): Promise<number>;
  /** Events and teams per plugin and feature in the weeks. */
  features(
    fromWeek: string,
    toWeek: string,
    teams?: string[],
  ): Promise<FeatureUsageRow[]>;
  /** Plugins reported installed since the instant. */
  installedPlugins(since: Date): Promise<string[]>;
  /** Removes raw events before the instant; rollups are kept. */
  removeEventsBefore(at: Date): Promise<number>;
  /** Removes the weekly rollups of weeks before the week. */
  removeRollupsBefore(week: string): Promise<number>;
}
