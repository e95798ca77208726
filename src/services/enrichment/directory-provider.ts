/**
 * The built-in company-directory provider (SPEC §3): the directory the customer loaded, matched
 * by credit code, then by the company's match key against names, then aliases (see
 * domain/enrichment/match-directory.ts).
 */
import {
  type CompanyFacts,
  type CompanyQuery,
  type EnrichmentProvider,
  NoMatch,
} from '../../domain/enrichment/company-facts.js';
import { chooseDirectoryCompany } from '../../domain/enrichment/match-directory.js';
import type { DB } from '../../store/db.js';
import { type DirectoryRow, findDirectoryCandidates } from '../../store/repositories/enrichment.js';

export function factsOfDirectoryRow(row: DirectoryRow): CompanyFacts {
  const facts: CompanyFacts = {};
  if (row.industry) facts.industry = row.industry;
  if (row.website) facts.website = row.website;
  if (row.city) facts.city = row.city;
  if (row.employees !== null) facts.employees = row.employees;
  if (row.employee_band) facts.employeeBand = row.employee_band;
  if (row.registered_capital) facts.registeredCapital = row.registered_capital;
  if (row.funding_round) facts.fundingRound = row.funding_round;
  if (row.credit_code) facts.creditCode = row.credit_code;
  return facts;
}

/** `empty`: the directory holds no company (checked once per run), so no lookup is sent. */
export function directoryProvider(
  db: DB,
  id: string,
  timeoutMs: number,
  options: { empty?: boolean } = {},
): EnrichmentProvider {
  return {
    id,
    kind: 'directory',
    timeoutMs,
    async lookup(query: CompanyQuery): Promise<CompanyFacts | null> {
      if (options.empty) return null;
      const rows = await findDirectoryCandidates(db, query);
      const choice = chooseDirectoryCompany(
        query,
        rows.map((r) => ({
          id: r.id,
          nameKey: r.name_key,
          aliasKeys: r.alias_keys,
          creditCode: r.credit_code,
          row: r,
        })),
      );
      if (choice.kind === 'ambiguous') {
        throw new NoMatch(`${choice.count} directory companies share this ${choice.on === 'name' ? 'name' : 'alias'}`);
      }
      return choice.kind === 'match' ? factsOfDirectoryRow(choice.company.row) : null;
    },
  };
}
