import { formatNps } from '../shared/format';

/** A breakdown row's NPS as text: withheld, none yet, or the score. */
export function npsText(row: {
  suppressed: boolean;
  nps?: { score?: number };
}): string {
  if (row.suppressed) {
    return 'withheld';
  }
  return row.nps?.score === undefined ? '—' : formatNps(row.nps.score);
}

/** Why a breakdown row of `count` responses (or ratings) is withheld. */
export function withheldReason(
  count: number,
  minGroupSize: number,
  noun: string = 'responses',
): string {
  return count < minGroupSize
    ? `fewer than ${minGroupSize} ${noun} — withheld to keep answers anonymous`
    : 'withheld to keep answers anonymous: shown, it would reveal a smaller group';
}
