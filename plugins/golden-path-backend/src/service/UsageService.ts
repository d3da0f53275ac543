import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DAY_MS,
  FeatureUsageResponse,
} from '@golden-path/plugin-golden-path-common';
import { z } from 'zod';
import { TeamDirectory } from '../catalog/TeamDirectory';
import { UsageStore } from '../database/UsageStore';
import {
  entityRefSchema,
  instantQuerySchema,
  instantSchema,
  parseInput,
} from '../validation/input';
import { groupWithDescendants } from './groupHierarchy';
import { weekPeriod } from './metrics/period';

/** Events one request may carry; the forwarder sends far fewer. */
const MAX_EVENTS = 1000;
// An event dated further from the server's clock than this is dated when
// it arrives: a browser's clock can be wrong, and a queue held offline for
// days would otherwise rewrite history.
const CLOCK_SKEW_MS = 2 * DAY_MS;
// Installed plugins not reported for this long are no longer installed.
const INSTALLED_WITHIN_MS = 30 * DAY_MS;

const short = (max: number) => z.string().min(1).max(max);

const batchSchema = z
  .object({
    events: z
      .array(
        z
          .object({
            id: short(64),
            action: short(100),
            // Subjects are often URLs: kept, cut to what the table holds.
            subject: z.string().transform(s => s.slice(0, 500)),
            at: instantSchema,
            pluginId: short(100).optional(),
            extensionId: short(200).optional(),
            routeRef: short(200).optional(),
          })
          .strict(),
      )
      .max(MAX_EVENTS),
    installedPlugins: z.array(short(100)).max(500).default([]),
  })
  .strict();

const importSchema = z
  .object({
    events: z
      .array(
        z
          .object({
            id: short(64),
            // As long as the table's user_ref column.
            userRef: z.string().max(255).pipe(entityRefSchema),
            action: short(100),
            subject: z.string().transform(s => s.slice(0, 500)),
            at: instantSchema,
            pluginId: short(100).optional(),
            extensionId: short(200).optional(),
            routeRef: short(200).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_EVENTS),
  })
  .strict();

const rangeSchema = z
  .object({
    from: instantQuerySchema.optional(),
    to: instantQuerySchema.optional(),
    group: entityRefSchema.optional(),
  })
  .strict();

/**
 * Portal usage: the analytics forwarder's batches in, attributed to the
 * signed-in user and their team; feature usage out.
 */
export class UsageService {
  constructor(
    private readonly deps: {
      usage: UsageStore;
      teams: TeamDirectory;
      catalog: CatalogService;
    },
  ) {}

  /** The signed-in user's events from the forwarder. */
  async record(body: unknown, userRef: string, now = new Date()) {
    const batch = parseInput(batchSchema, body, 'usage events');
    const user = userRef.toLocaleLowerCase('en-US');
    const events = batch.events.map(event => {
      const at = new Date(event.at);
      const plausible = Math.abs(at.getTime() - now.getTime()) <= CLOCK_SKEW_MS;
      return { ...event, userRef: user, at: plausible ? at : now };
    });
    return this.store(events, batch.installedPlugins, now);
  }

  /**
   * Events recorded elsewhere (another analytics tool), each naming its
   * user; kept at their own time.
   */
  async import(body: unknown, now = new Date()) {
    const batch = parseInput(importSchema, body, 'usage import');
    return this.store(
      batch.events.map(event => ({ ...event, at: new Date(event.at) })),
      [],
      now,
    );
  }

  private async store(
    events: Array<{
      id: string;
      userRef: string;
      at: Date;
      action: string;
      subject: string;
      pluginId?: string;
      extensionId?: string;
      routeRef?: string;
    }>,
    installedPlugins: string[],
    now: Date,
  ) {
    const teams = await this.deps.teams.teamsOf(events.map(e => e.userRef));
    const result = await this.deps.usage.recordEvents(
      events.map(event => {
        const pluginId = event.pluginId ?? 'app';
        return {
          eventId: event.id,
          at: event.at,
          userRef: event.userRef.toLocaleLowerCase('en-US'),
          team: teams.get(event.userRef.toLocaleLowerCase('en-US'))!,
          pluginId,
          feature: event.extensionId ?? event.routeRef ?? pluginId,
          action: event.action,
          subject: event.subject,
        };
      }),
      installedPlugins,
      now,
    );
    return { received: events.length, ...result };
  }

  /** Feature usage and weekly active users in a period of whole weeks. */
  async features(
    query: unknown,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<FeatureUsageResponse> {
    const { group, ...range } = parseInput(rangeSchema, query, 'query');
    const period = weekPeriod(range, now);
    const teams = group
      ? await groupWithDescendants(this.deps.catalog, group, credentials)
      : undefined;
    const fromWeek = period.weeks[0];
    const [features, installed, active, weekly] = await Promise.all([
      this.deps.usage.features(fromWeek, period.endWeek, teams),
      this.deps.usage.installedPlugins(
        new Date(now.getTime() - INSTALLED_WITHIN_MS),
      ),
      this.deps.usage.activeUsers(fromWeek, period.endWeek, teams),
      this.deps.usage.activeByWeek(fromWeek, period.endWeek, teams),
    ]);
    const used = new Set(features.map(f => f.pluginId));
    const byWeek = new Map(weekly.map(w => [w.week, w]));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      features,
      ignoredPlugins: installed.filter(id => !used.has(id)),
      activeUsers: active,
      weeks: period.weeks.map(week => ({
        week,
        users: byWeek.get(week)?.users ?? 0,
        teams: byWeek.get(week)?.teams.length ?? 0,
      })),
      computedAt: now.toISOString(),
    };
  }
}
