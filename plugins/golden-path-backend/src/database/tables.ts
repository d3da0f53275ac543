export const RESULTS_TABLE = 'golden_path_entity_results';
export const SNAPSHOTS_TABLE = 'golden_path_daily_snapshots';
export const EXEMPTIONS_TABLE = 'golden_path_exemptions';
export const PUSHED_FACTS_TABLE = 'golden_path_pushed_facts';
export const HISTORY_TABLE = 'golden_path_entity_history';

/** A row of {@link RESULTS_TABLE}. */
export interface DbEntityResultRow {
  entity_ref: string;
  owner_ref: string | null;
  eligible: boolean | number;
  eligible_for: string | null;
  path_id: string | null;
  template_ref: string | null;
  template_version: string | null;
  golden_path_tag: string | null;
  provenance_source: string | null;
  score: number | null;
  coverage: number | null;
  level: string | null;
  drift: string | null;
  checks: string;
  unavailable_sources: string;
  run_id: string;
  evaluated_at: Date | string | number;
}

/** A row of {@link SNAPSHOTS_TABLE}. */
export interface DbSnapshotRow {
  day: string;
  path_id: string;
  owner_ref: string;
  eligible: number;
  on_path: number;
  scored: number;
  score_sum: number;
  levels: string;
  computed_at: Date | string | number;
}

/** A row of {@link EXEMPTIONS_TABLE}. */
export interface DbExemptionRow {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  expires_at: Date | string | number;
  granted_by: string;
  granted_at: Date | string | number;
}

/** A row of {@link PUSHED_FACTS_TABLE}. */
export interface DbPushedFactsRow {
  source_id: string;
  entity_ref: string;
  facts: string;
  pushed_at: Date | string | number;
  pushed_by: string;
}

/** A row of {@link HISTORY_TABLE}. */
export interface DbEntityHistoryRow {
  entity_ref: string;
  day: string;
  path_id: string | null;
  score: number | null;
  coverage: number | null;
  level: string | null;
  evaluated_at: Date | string | number;
}

export const TEMPLATE_RUNS_TABLE = 'golden_path_template_runs';
export const INGEST_CURSORS_TABLE = 'golden_path_ingest_cursors';
export const TEMPLATE_VERSIONS_TABLE = 'golden_path_template_versions';

/** A row of {@link TEMPLATE_RUNS_TABLE}. */
export interface DbTemplateRunRow {
  task_id: string;
  template_ref: string;
  template_version: string | null;
  time_saved_seconds: number | null;
  run_by: string | null;
  team: string;
  status: string;
  created_at: Date | string | number;
  finished_at: Date | string | number | null;
  duration_ms: number | string | null;
  entity_ref: string | null;
  output_read: boolean | number;
  recorded_at: Date | string | number;
}

/** A row of {@link INGEST_CURSORS_TABLE}. */
export interface DbIngestCursorRow {
  source: string;
  watermark: string | null;
  pass_top: string | null;
  pass_offset: number;
  read_at: Date | string | number | null;
  failed_at: Date | string | number | null;
  error: string | null;
}

/** A row of {@link TEMPLATE_VERSIONS_TABLE}. */
export interface DbTemplateVersionRow {
  template_ref: string;
  version: string;
  first_seen_at: Date | string | number;
}

export const LOCKS_TABLE = 'golden_path_locks';
export const SECRETS_TABLE = 'golden_path_secrets';
export const CAMPAIGNS_TABLE = 'golden_path_survey_campaigns';
export const RESPONSES_TABLE = 'golden_path_survey_responses';
export const SURVEY_ROLLUP_TABLE = 'golden_path_survey_rollup';
export const PATH_RATINGS_TABLE = 'golden_path_path_ratings';
export const RATING_ROLLUP_TABLE = 'golden_path_rating_rollup';
export const DISMISSALS_TABLE = 'golden_path_prompt_dismissals';

/** A row of {@link CAMPAIGNS_TABLE}. */
export interface DbCampaignRow {
  id: string;
  title: string;
  description: string | null;
  questions: string;
  audience: string;
  opens_at: Date | string | number;
  closes_at: Date | string | number;
  anonymous: boolean | number;
  created_by: string;
  created_at: Date | string | number;
  updated_at: Date | string | number;
  closed_at: Date | string | number | null;
  responses: number;
}

/** A row of {@link RESPONSES_TABLE}. */
export interface DbResponseRow {
  campaign_id: string;
  respondent_key: string;
  user_ref: string | null;
  team: string;
  nps: number;
  answers: string;
  has_comment: boolean | number;
  submitted_at: Date | string | number;
  quarter: string;
}

/** A row of {@link PATH_RATINGS_TABLE}. */
export interface DbPathRatingRow {
  task_id: string;
  user_ref: string;
  team: string;
  template_ref: string;
  template_version: string | null;
  path_id: string;
  rating: number;
  comment: string | null;
  rated_at: Date | string | number;
  quarter: string;
}

export const TICKETS_TABLE = 'golden_path_tickets';
export const TICKET_WEEKLY_TABLE = 'golden_path_ticket_weekly';
export const TICKET_FACETS_TABLE = 'golden_path_ticket_facets';
export const TICKET_FACETS_BY_PATH_TABLE = 'golden_path_ticket_facets_by_path';
export const TICKET_DURATIONS_TABLE = 'golden_path_ticket_durations';

/** A row of {@link TICKETS_TABLE}. */
export interface DbTicketRow {
  source: string;
  external_id: string;
  title: string | null;
  url: string | null;
  type: string;
  category: string | null;
  labels: string;
  components: string;
  status: string;
  requester: string | null;
  user_ref: string | null;
  team: string;
  entity_ref: string | null;
  path_id: string | null;
  created_at: Date | string | number;
  updated_at: Date | string | number;
  first_response_at: Date | string | number | null;
  resolved_at: Date | string | number | null;
  reopen_count: number;
  ingested_at: Date | string | number;
  created_week: string;
  first_response_week: string | null;
  first_response_bucket: number | null;
  resolved_week: string | null;
  resolution_bucket: number | null;
}

export const DEPLOYMENTS_TABLE = 'golden_path_deployments';
export const DEPLOYMENT_WEEKLY_TABLE = 'golden_path_deployment_weekly';
export const LEAD_TIMES_TABLE = 'golden_path_deployment_lead_times';
export const DEPLOYED_SERVICES_TABLE = 'golden_path_deployed_services';

/** A row of {@link DEPLOYMENTS_TABLE}. */
export interface DbDeploymentRow {
  source: string;
  external_id: string;
  service: string;
  entity_ref: string | null;
  environment: string;
  production: boolean | number;
  outcome: string;
  deployed_at: Date | string | number;
  updated_at: Date | string | number;
  lead_time_ms: number | string | null;
  version: string | null;
  url: string | null;
  team: string;
  path_id: string | null;
  ingested_at: Date | string | number;
  week: string;
  lead_time_bucket: number | null;
}

export const USAGE_EVENTS_TABLE = 'golden_path_usage_events';
export const USAGE_WEEKLY_TABLE = 'golden_path_usage_weekly';
export const USAGE_WEEKLY_USERS_TABLE = 'golden_path_usage_weekly_users';
export const USAGE_WEEKLY_TEAMS_TABLE = 'golden_path_usage_weekly_teams';
export const USAGE_PLUGINS_TABLE = 'golden_path_usage_plugins';
