import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  goldenPath?: {
    /**
     * How often the scoring run evaluates the catalog. Defaults to every 30
     * minutes, starting 30 seconds after the backend starts.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * Level names, lowest first. An entity reaches a level when every check
     * of that level and of all lower levels passes. Default: bronze, silver,
     * gold.
     */
    levels?: string[];

    notifications?: {
      /**
       * Send the owners of an entity a Backstage notification when a scoring
       * run sees it drop a level. Needs the notifications backend. Default
       * false.
       */
      levelDrop?: boolean;
      /**
       * Send the owners of entities created from a golden path's template a
       * Backstage notification when the template publishes a version newer
       * than theirs (its `backstage.io/template-version` annotation in the
       * catalog changes). Needs the notifications backend. Default false.
       */
      templateVersion?: boolean;
    };

    templateRuns?: {
      /**
       * How often the scaffolder's task history and the templates' versions
       * are read. Defaults to every 5 minutes, starting 15 seconds after the
       * backend starts. Task events (`scaffolder.task`) record runs sooner.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    history?: {
      /** Days of daily aggregates and per-entity history kept. Default 400. */
      retentionDays?: number;
    };

    /**
     * External systems allowed to push facts through
     * `POST /api/golden-path/facts/{id}`, and the fields they may push.
     * Checks read them as `facts.<id>.<field>`.
     */
    factSources?: Array<{
      /** Lower-case id; `catalog` is reserved. */
      id: string;
      description?: string;
      /** Facts older than this many days count as unknown. */
      maxAgeDays?: number;
      fields: {
        [name: string]: {
          type: 'number' | 'boolean' | 'string';
          /** For numbers. */
          min?: number;
          /** For numbers. */
          max?: number;
          /** For strings: the allowed values. */
          values?: string[];
        };
      };
    }>;

    /** Developer surveys (NPS campaigns) and ratings after template runs. */
    surveys?: {
      /**
       * Breakdowns (per team, quarter, path) with fewer responses than this
       * are withheld, and so is the smallest other group where withholding
       * one alone could be undone by subtraction. Default 5.
       */
      minGroupSize?: number;
      /**
       * The key of the hash that keeps one answer per user in anonymous
       * campaigns. Default: a random key generated once and kept in the
       * plugin's database. Set it (at least 32 characters) to keep the key
       * out of the database, so that its readers cannot test which user
       * gave an answer.
       * @visibility secret
       */
      respondentKeySecret?: string;
      /**
       * Hours after a successful run of a golden-path template during which
       * its runner is asked to rate the path. Default 72; 0 turns it off.
       */
      ratingPromptHours?: number;
    };

    /** Support tickets sent in from trackers. */
    tickets?: {
      /**
       * Days of tickets kept, by creation time; older tickets are removed and
       * ones older than this are not accepted. Weekly figures are kept.
       * Default 730.
       */
      retentionDays?: number;
    };

    /**
     * How often the weekly ticket and deployment figures of weeks that bulk
     * imports marked are rebuilt. Default every minute.
     */
    rollups?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };

    /**
     * How often old tickets, deployments, usage events and dismissals are
     * removed. Default daily.
     */
    retention?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };

    /** Deployments sent in from CI/CD. */
    deployments?: {
      /**
       * Environments that count as production, compared case-insensitively.
       * An entity's `golden-path.io/production-environments` annotation
       * (comma-separated) overrides this for that entity. Default
       * [production, prod].
       */
      productionEnvironments?: string[];
      /** Days of deployments kept, with their weekly figures. Default 730. */
      retentionDays?: number;
    };

    /** Portal usage from the frontend analytics forwarder. */
    usage?: {
      /** Days of raw events kept. Default 30. */
      retentionDays?: number;
      /** Days of daily usage figures kept. Default 400. */
      rollupRetentionDays?: number;
    };

    /**
     * Targets of the platform metrics. Durations are ISO 8601 (PT30M),
     * ratios 0-1; each metric keeps its direction (below for times, above
     * for the rest; ticket volume should decrease).
     */
    metrics?: {
      targets?: {
        onboardingTime?: string;
        activeTeams?: number;
        adoption?: number;
        developerNps?: number;
        ticketVolume?: 'decreasing' | 'increasing';
        timeToResolution?: string;
        deploymentFrequency?: number;
        leadTime?: string;
        selfServiceRate?: number;
      };
      /** How often the metrics are exported as OpenTelemetry gauges. Default 15 minutes. */
      exportSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** The golden paths. */
    paths?: Array<{
      /** Lower-case id, e.g. `node-service`. */
      id: string;
      title: string;
      description?: string;
      /** Entity ref of the owning group. */
      owner?: string;
      /** Where the path is documented. */
      docsUrl?: string;
      /** Refs of the templates that put entities on this path. */
      templates?: string[];
      /** The newest template version (semver); drift is measured against it. */
      latestVersion?: string;
      /**
       * A filter predicate (`@backstage/filter-predicates`) choosing the
       * entities expected to be on a golden path, e.g.
       * `{ kind: component, spec.type: service }`.
       */
      appliesTo: object;
      checks?: Array<{
        /** Lower-case id, unique within the path. */
        id: string;
        title: string;
        description?: string;
        /** Weight in the score; positive. Default 1. */
        weight?: number;
        /** One of `levels`. */
        level?: string;
        remediation?: {
          text: string;
          url?: string;
        };
        /**
         * A filter predicate over the entity and its facts
         * (`facts.<provider>.<name>`).
         */
        predicate: object;
      }>;
    }>;
  };
}
