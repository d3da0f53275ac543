import {
  npsFromDistribution,
  SuppressibleNps,
} from '@golden-path/plugin-golden-path-common';
import { SurveyRollupRow } from '../../database/SurveyStore';
import { suppressedRows } from './suppression';

/** Answer counts summed by a key, each key's 0..10 distribution. */
export function sumDistributions<T>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
  distributionOf: (row: T) => number[],
): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? new Array(11).fill(0);
    distributionOf(row).forEach((count, i) => (sum[i] += count));
    sums.set(key, sum);
  }
  return sums;
}

const total = (distribution: number[]) =>
  distribution.reduce((a, b) => a + b, 0);

/**
 * One NPS row per key, groups below the minimum withheld (see
 * {@link suppressedRows}); empty keys left out.
 */
export function npsBreakdown(
  sums: Map<string, number[]>,
  minGroupSize: number,
): Array<SuppressibleNps & { key: string }> {
  const entries = [...sums.entries()].filter(([, d]) => total(d) > 0);
  const withheld = suppressedRows(
    entries.map(([, d]) => total(d)),
    minGroupSize,
  );
  return entries.map(([key, distribution], i) =>
    withheld.has(i)
      ? { key, responses: total(distribution), suppressed: true }
      : {
          key,
          responses: total(distribution),
          nps: npsFromDistribution(distribution),
          suppressed: false,
        },
  );
}

/**
 * The rollup rows a figure over some teams may count: those of teams whose
 * own results their campaign shows. A group's figure is then a sum of
 * figures already shown, so that subtracting one group's figure from
 * another's (a parent and one of its children, say) never reveals the
 * answers of a team the campaign withholds.
 */
export function rowsOfShownTeams(
  rows: SurveyRollupRow[],
  teams: ReadonlySet<string>,
  minGroupSize: number,
): SurveyRollupRow[] {
  const byCampaign = new Map<string, SurveyRollupRow[]>();
  for (const row of rows) {
    byCampaign.set(row.campaignId, [
      ...(byCampaign.get(row.campaignId) ?? []),
      row,
    ]);
  }
  const shown = new Map<string, Set<string>>();
  for (const [campaignId, campaignRows] of byCampaign) {
    const teamRows = npsBreakdown(
      sumDistributions(
        campaignRows,
        r => r.team,
        r => r.distribution,
      ),
      minGroupSize,
    );
    shown.set(
      campaignId,
      new Set(teamRows.filter(r => !r.suppressed).map(r => r.key)),
    );
  }
  return rows.filter(
    r => teams.has(r.team) && shown.get(r.campaignId)!.has(r.team),
  );
}
