import { weekStart } from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import { CounterDeltas } from './operations/incrementCounters';
import { lockRow } from './operations/lockRow';
import {
  LOCKS_TABLE,
  USAGE_EVENTS_TABLE,
  USAGE_PLUGINS_TABLE,
  USAGE_WEEKLY_TABLE,
  USAGE_WEEKLY_TEAMS_TABLE,
  USAGE_WEEKLY_USERS_TABLE,
} from './tables';
import { FeatureUsageRow, UsageEventRecord, UsageStore } from './UsageStore';

// Rows per INSERT (9 columns) and pairs per IN (...): below every engine's
// bound-parameter limit.
const BATCH_SIZE = 500;

/** {@link UsageStore} on the plugin's Knex database. */
export class DatabaseUsageStore implements UsageStore {
  constructor(private readonly db: Knex) {}

  async recordEvents(
    events: UsageEventRecord[],
    installedPlugins: string[],
    now: Date,
  ) {
    return this.db.transaction(async tx => {
      // Serialized, so that a replayed batch racing its original is
      // counted once.
      await lockRow(tx, LOCKS_TABLE, { name: 'usage' });
      const seen = new Set<string>();
      for (let i = 0; i < events.length; i += BATCH_SIZE) {
        // One `user_ref = ? AND event_id IN (...)` per user: PostgreSQL
        // plans a tuple IN whose users are all the same (a forwarder's
        // batch) as a scan of everything that user ever sent.
        const idsByUser = new Map<string, string[]>();
        for (const e of events.slice(i, i + BATCH_SIZE)) {
          const ids = idsByUser.get(e.userRef) ?? [];
          ids.push(e.eventId);
          idsByUser.set(e.userRef, ids);
        }
        const rows = await tx(USAGE_EVENTS_TABLE)
          .where(q => {
            for (const [userRef, ids] of idsByUser) {
              q.orWhere(w =>
                w.where('user_ref', userRef).whereIn('event_id', ids),
              );
            }
          })
          .select('user_ref', 'event_id');
        rows.forEach(row => seen.add(`${row.user_ref}\n${row.event_id}`));
      }
      const fresh = events.filter(e => {
        const key = `${e.userRef}\n${e.eventId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const weekly = new CounterDeltas(
        ['week', 'team', 'plugin_id', 'feature'],
        ['events'],
      );
      // Each user's first event of a week (in this batch) names their team
      // of the week.
      const active = new Map<string, Record<string, string>>();
      for (const e of [...fresh].sort((a, b) => +a.at - +b.at)) {
        const week = weekStart(e.at);
        weekly.add(
          { week, team: e.team, plugin_id: e.pluginId, feature: e.feature },
          { events: 1 },
        );
        const key = `${week}\n${e.userRef}`;
        if (!active.has(key)) {
          active.set(key, { week, user_ref: e.userRef, team: e.team });
        }
      }
      for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
        await tx(USAGE_EVENTS_TABLE).insert(
          fresh.slice(i, i + BATCH_SIZE).map(e => ({
            user_ref: e.userRef,
            event_id: e.eventId,
            at: e.at,
            team: e.team,
            plugin_id: e.pluginId,
            feature: e.feature,
            action: e.action,
            subject: e.subject,
          })),
        );
      }
      await weekly.apply(tx, USAGE_WEEKLY_TABLE);
      await this.recordActiveUsers(tx, [...active.values()]);
      if (installedPlugins.length > 0) {
        await tx(USAGE_PLUGINS_TABLE)
          .insert(
            [...new Set(installedPlugins)].map(pluginId => ({
              plugin_id: pluginId,
              first_seen_at: now,
              last_reported_at: now,
            })),
          )
          .onConflict('plugin_id')
          .merge(['last_reported_at']);
      }
      return { stored: fresh.length, duplicates: events.length - fresh.length };
    });
  }

  /**
   * Adds the users not yet active in their week, and counts them in their
   * team's active users of the week.
   */
  private async recordActiveUsers(
    tx: Knex.Transaction,
    active: Array<Record<string, string>>,
  ) {
    const known = new Set<string>();
    const weeks = [...new Set(active.map(a => a.week))];
    for (let i = 0; i < active.length; i += BATCH_SIZE) {
      const users = [
        ...new Set(active.slice(i, i + BATCH_SIZE).map(a => a.user_ref)),
      ];
      const rows = await tx(USAGE_WEEKLY_USERS_TABLE)
        .whereIn('week', weeks)
        .whereIn('user_ref', users)
        .select('week', 'user_ref');
      rows.forEach(row => known.add(`${row.week}\n${row.user_ref}`));
    }
    const added = active.filter(a => !known.has(`${a.week}\n${a.user_ref}`));
    for (let i = 0; i < added.length; i += BATCH_SIZE) {
      await tx(USAGE_WEEKLY_USERS_TABLE).insert(added.slice(i, i + BATCH_SIZE));
    }
    const teams = new CounterDeltas(['week', 'team'], ['users']);
    added.forEach(a => teams.add({ week: a.week, team: a.team }, { users: 1 }));
    await teams.apply(tx, USAGE_WEEKLY_TEAMS_TABLE);
  }

  private weeks(table: string, fromWeek: string, toWeek: string) {
    return this.db(table)
      .where('week', '>=', fromWeek)
      .where('week', '<', toWeek);
  }

  async activeByWeek(fromWeek: string, toWeek: string, teams?: string[]) {
    const rows: Array<Record<string, any>> = await this.weeks(
      USAGE_WEEKLY_TEAMS_TABLE,
      fromWeek,
      toWeek,
    )
      .modify(q => {
        if (teams) q.whereIn('team', teams);
      })
      .where('users', '>', 0)
      .select('week', 'team', 'users');
    const byWeek = new Map<string, { users: number; teams: string[] }>();
    for (const row of rows) {
      const week = byWeek.get(row.week) ?? { users: 0, teams: [] };
      week.users += Number(row.users);
      week.teams.push(row.team);
      byWeek.set(row.week, week);
    }
    return [...byWeek]
      .map(([week, { users, teams: active }]) => ({
        week,
        users,
        teams: active.sort(),
      }))
      .sort((a, b) => a.week.localeCompare(b.week));
  }

  async activeUsersByTeam(fromWeek: string, toWeek: string) {
    const rows: Array<Record<string, any>> = await this.weeks(
      USAGE_WEEKLY_USERS_TABLE,
      fromWeek,
      toWeek,
    )
      .groupBy('team')
      .select('team')
      .countDistinct({ users: 'user_ref' });
    return new Map(rows.map(row => [row.team as string, Number(row.users)]));
  }

  async activeUsers(fromWeek: string, toWeek: string, teams?: string[]) {
    const row: Record<string, any> | undefined = await this.weeks(
      USAGE_WEEKLY_USERS_TABLE,
      fromWeek,
      toWeek,
    )
      .modify(q => {
        if (teams) q.whereIn('team', teams);
      })
      .countDistinct({ users: 'user_ref' })
      .first();
    return Number(row?.users ?? 0);
  }

  async features(
    fromWeek: string,
    toWeek: string,
    teams?: string[],
  ): Promise<FeatureUsageRow[]> {
    const rows: Array<Record<string, any>> = await this.weeks(
      USAGE_WEEKLY_TABLE,
      fromWeek,
      toWeek,
    )
      .modify(q => {
        if (teams) q.whereIn('team', teams);
      })
      .groupBy('plugin_id', 'feature')
      .select('plugin_id', 'feature')
      .sum({ events: 'events' })
      .countDistinct({ teams: 'team' });
    return rows
      .map(row => ({
        pluginId: row.plugin_id,
        feature: row.feature,
        events: Number(row.events),
        teams: Number(row.teams),
      }))
      .sort((a, b) => b.events - a.events);
  }

  async installedPlugins(since: Date): Promise<string[]> {
    return this.db(USAGE_PLUGINS_TABLE)
      .where('last_reported_at', '>=', since)
      .orderBy('plugin_id')
      .pluck('plugin_id');
  }

  async removeEventsBefore(at: Date): Promise<number> {
    return this.db(USAGE_EVENTS_TABLE).where('at', '<', at).delete();
  }

  async removeRollupsBefore(week: string): Promise<number> {
    let removed = 0;
    for (const table of [
      USAGE_WEEKLY_TABLE,
      USAGE_WEEKLY_USERS_TABLE,
      USAGE_WEEKLY_TEAMS_TABLE,
    ]) {
      removed += await this.db(table).where('week', '<', week).delete();
    }
    return removed;
  }
}
