/**
 * Which directory company a lead is (SPEC §3). The credit code is decisive; otherwise the
 * company's match key against a directory name, then against an alias. A directory company
 * whose credit code differs from the lead's is another company, whatever its name. When two
 * companies fit equally well nothing is chosen: wrong firmographics on a lead are worse than
 * none, and a person can still type them.
 */
import type { CompanyQuery } from './company-facts.js';

export interface DirectoryCandidate {
  id: string;
  nameKey: string;
  aliasKeys: readonly string[];
  creditCode: string | null;
}

export type DirectoryChoice<C> =
  | { kind: 'match'; company: C; on: 'creditCode' | 'name' | 'alias' }
  | { kind: 'ambiguous'; count: number; on: 'name' | 'alias' }
  | { kind: 'none' };

export function chooseDirectoryCompany<C extends DirectoryCandidate>(
  query: CompanyQuery,
  candidates: readonly C[],
): DirectoryChoice<C> {
  if (query.creditCode) {
    const byCode = candidates.find((c) => c.creditCode === query.creditCode);
    if (byCode) return { kind: 'match', company: byCode, on: 'creditCode' };
  }
  const key = query.companyKey;
  if (!key) return { kind: 'none' };
  const compatible = candidates.filter((c) => !query.creditCode || !c.creditCode || c.creditCode === query.creditCode);
  for (const on of ['name', 'alias'] as const) {
    const found = compatible.filter((c) => (on === 'name' ? c.nameKey === key : c.aliasKeys.includes(key)));
    if (found.length === 1) return { kind: 'match', company: found[0], on };
    if (found.length > 1) return { kind: 'ambiguous', count: found.length, on };
  }
  return { kind: 'none' };
}
