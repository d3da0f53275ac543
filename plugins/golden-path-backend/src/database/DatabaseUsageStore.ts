import { utcDay, weekStart } from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import { CounterDeltas } from './operations/incrementCounters';
import { lockRow } from './operations/lockRow';
import {
  LOCKS_TABLE,
  USAGE_ACTIVE_USERS_TABLE,
  USAGE_DAILY_TABLE,
  USAGE_EVENTS_TABLE,
  USAGE_PLUGINS_TABLE,
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
      const daily = new CounterDeltas(
        ['day', 'team', 'plugin_id', 'feature'],
        ['events'],
      );
      const active = new Map<string, Record<string, string>>();
      for (const e of fresh) {
        const day = utcDay(e.at);
        daily.add(
          { day, team: e.team, plugin_id: e.pluginId, feature: e.feature },
          { events: 1 },
        );
        active.set(`${day}\n${e.userRef}`, {
          day,
          user_ref: e.userRef,
          week: weekStart(e.at),
          team: e.team,
        });
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
      await daily.apply(tx, USAGE_DAILY_TABLE);
      const activeRows = [...active.values()];
      for (let i = 0; i < activeRows.length; i += BATCH_SIZE) {
        await tx(USAGE_ACTIVE_USERS_TABLE)
          .insert(activeRows.slice(i, i + BATCH_SIZE))
          .onConflict(['day', 'user_ref'])
          .ignore();
      }
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

  async activeByWeek(fromWeek: string, toWeek: string, teams?: string[]) {
    const range = () =>
      this.db(USAGE_ACTIVE_USERS_TABLE)
        .where('week', '>=', fromWeek)
        .where('week', '<', toWeek)
        .modify(q => {
          if (teams) q.whereIn('team', teams);
        });
    const [users, teamRows]: Array<Array<Record<string, any>>> =
      await Promise.all([
        range()
          .groupBy('week')
          .select('week')
          .countDistinct({ users: 'user_ref' }),
        range().distinct('week', 'team'),
      ]);
    const teamsOf = new Map<string, string[]>();
    for (const row of teamRows) {
      teamsOf.set(row.week, [...(teamsOf.get(row.week) ?? []), row.team]);
    }
    return users
      .map(row => ({
        week: row.week as string,
        users: Number(row.users),
        teams: (teamsOf.get(row.week) ?? []).sort(),
      }))
      .sort((a, b) => a.week.localeCompare(b.week));
  }

  async activeUsersByTeam(fromDay: string, toDay: string) {
    const rows: Array<Record<string, any>> = await this.db(
      USAGE_ACTIVE_USERS_TABLE,
    )
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .groupBy('team')
      .select('team')
      .countDistinct({ users: 'user_ref' });
    return new Map(rows.map(row => [row.team as string, Number(row.users)]));
  }

  async activeUsers(fromDay: string, toDay: string, teams?: string[]) {
    const row: Record<string, any> | undefined = await this.db(
      USAGE_ACTIVE_USERS_TABLE,
    )
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .modify(q => {
        if (teams) q.whereIn('team', teams);
      })
      .countDistinct({ users: 'user_ref' })
      .first();
    return Number(row?.users ?? 0);
  }

  async features(
    fromDay: string,
    toDay: string,
    teams?: string[],
  ): Promise<FeatureUsageRow[]> {
    const rows: Array<Record<string, any>> = await this.db(USAGE_DAILY_TABLE)
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
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

  async removeRollupsBefore(day: string): Promise<number> {
    const removed = await this.db(USAGE_DAILY_TABLE)
      .where('day', '<', day)
      .delete();
    return (
      removed +
      (await this.db(USAGE_ACTIVE_USERS_TABLE).where('day', '<', day).delete())
    );
  }
}
