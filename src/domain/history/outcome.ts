/**
 * The `outcome` (结果) of a history lead (SPEC §10.1 "History import"): how far a past lead got.
 * A stage (sql, opportunity, won, lost), or converted / not converted as CRM exports say it
 * (converted = became a customer = won). Empty means the lead is still open. The stored
 * outcome also fixes the lead's status, so history leads read like live ones at that stage.
 */

export const historyOutcomes = ['sql', 'opportunity', 'won', 'lost', 'not_converted'] as const;
export type HistoryOutcome = (typeof historyOutcomes)[number];

const spellings: Record<string, HistoryOutcome> = {
  sql: 'sql',
  opportunity: 'opportunity',
  商机: 'opportunity',
  won: 'won',
  converted: 'won',
  '1': 'won',
  已转化: 'won',
  是: 'won',
  赢单: 'won',
  成交: 'won',
  lost: 'lost',
  输单: 'lost',
  not_converted: 'not_converted',
  '0': 'not_converted',
  未转化: 'not_converted',
  否: 'not_converted',
};

const statusOf: Record<HistoryOutcome, 'sql' | 'opportunity' | 'won' | 'lost'> = {
  sql: 'sql',
  opportunity: 'opportunity',
  won: 'won',
  lost: 'lost',
  not_converted: 'lost',
};

export type ParsedOutcome =
  | { ok: true; outcome: HistoryOutcome | null; status: 'new' | 'sql' | 'opportunity' | 'won' | 'lost' }
  | { ok: false; message: string; messageZh: string };

/** A cell of the outcome column: case, width and surrounding spaces do not matter. */
export function parseOutcome(text: string | undefined): ParsedOutcome {
  const key = (text ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === '') return { ok: true, outcome: null, status: 'new' };
  const outcome = Object.hasOwn(spellings, key) ? spellings[key] : undefined;
  if (!outcome) {
    return {
      ok: false,
      message: `"${text}" is not an outcome: use sql, opportunity, won, lost, converted (1, 已转化) or not_converted (0, 未转化), or leave it empty for an open lead`,
      messageZh: `“${text}”不是有效的结果：请填 sql、opportunity、won、lost、converted（1、已转化）或 not_converted（0、未转化），仍在跟进的线索留空`,
    };
  }
  return { ok: true, outcome, status: statusOf[outcome] };
}
