/** Enrichment tables (SPEC §3): the company directory, the provider chain, fills and attempts. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DirectoryCompany } from '../../domain/enrichment/directory-company.js';
import type { Database, EnrichmentDirectoryTable, EnrichmentProvidersTable } from '../schema.js';

export type DirectoryRow = Selectable<EnrichmentDirectoryTable>;
export type ProviderRow = Selectable<EnrichmentProvidersTable>;

/** Replaces the whole directory in the caller's transaction: the load is all or nothing. */
export async function replaceDirectory(
  trx: Transaction<Database>,
  companies: readonly { id: string; company: DirectoryCompany }[],
): Promise<void> {
  await trx.deleteFrom('enrichment_directory_keys').execute();
  await trx.deleteFrom('enrichment_directory').execute();
  for (let i = 0; i < companies.length; i += 500) {
    const chunk = companies.slice(i, i + 500);
    await trx
      .insertInto('enrichment_directory')
      .values(
        chunk.map(({ id, company: c }, j) => ({
          id,
          position: i + j,
          name: c.name,
          name_key: c.nameKey,
          aliases: c.aliases,
          alias_keys: c.aliasKeys,
          credit_code: c.creditCode,
          industry: c.industry,
          employees: c.employees,
          employee_band: c.employeeBand,
          registered_capital: c.registeredCapital,
          city: c.city,
          website: c.website,
          funding_round: c.fundingRound,
        })),
      )
      .execute();
    const keys = chunk.flatMap(({ id, company: c }) => [
      { key: c.nameKey, company_id: id, kind: 'name' as const },
      ...c.aliasKeys.map((key) => ({ key, company_id: id, kind: 'alias' as const })),
    ]);
    for (let k = 0; k < keys.length; k += 1000) {
      await trx
        .insertInto('enrichment_directory_keys')
        .values(keys.slice(k, k + 1000))
        .execute();
    }
  }
}

export async function countDirectory(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('enrichment_directory')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the directory holds no company (without counting them all). */
export async function isDirectoryEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('enrichment_directory').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Companies that could be the lead's: the same credit code, or a name/alias with its key. */
export async function findDirectoryCandidates(
  db: Kysely<Database>,
  query: { companyKey: string | null; creditCode: string | null },
): Promise<DirectoryRow[]> {
  if (!query.companyKey && !query.creditCode) return [];
  return db
    .selectFrom('enrichment_directory')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(query.creditCode ? [eb('credit_code', '=', query.creditCode)] : []),
        ...(query.companyKey
          ? [
              eb(
                'id',
                'in',
                eb.selectFrom('enrichment_directory_keys').select('company_id').where('key', '=', query.companyKey),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('position')
    .limit(50)
    .execute();
}

/**
 * Look-up for people: exact matches (credit code, name or alias key) first, then companies
 * whose name or an alias contains the key; in file order. No query lists the directory.
 */
export async function searchDirectory(
  db: Kysely<Database>,
  query: { key: string | null; creditCode: string | null },
  page: { limit: number; offset: number },
): Promise<{ rows: DirectoryRow[]; total: number }> {
  const { key, creditCode } = query;
  let q = db.selectFrom('enrichment_directory as d');
  if (key || creditCode) {
    q = q.where((eb) =>
      eb.or([
        ...(creditCode ? [eb('d.credit_code', '=', creditCode)] : []),
        ...(key
          ? [
              eb(
                'd.id',
                'in',
                eb
                  .selectFrom('enrichment_directory_keys')
                  .select('company_id')
                  .where(sql<boolean>`strpos(key, ${key}) > 0`),
              ),
            ]
          : []),
      ]),
    );
  }
  const exact = sql<boolean>`(${creditCode ? sql`d.credit_code = ${creditCode}` : sql`false`} OR ${
    key
      ? sql`EXISTS (SELECT 1 FROM enrichment_directory_keys k WHERE k.company_id = d.id AND k.key = ${key})`
      : sql`false`
  })`;
  const [rows, count] = await Promise.all([
    q.selectAll('d').orderBy(exact, 'desc').orderBy('d.position').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as DirectoryRow[], total: Number(count.n) };
}

export async function listProviders(db: Kysely<Database>): Promise<ProviderRow[]> {
  return db.selectFrom('enrichment_providers').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findProviderForUpdate(trx: Transaction<Database>, id: string): Promise<ProviderRow | undefined> {
  return trx.selectFrom('enrichment_providers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nextProviderPosition(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('enrichment_providers')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return (row?.max ?? 0) + 10;
}

export interface ProviderWrite {
  id: string;
  kind: 'directory' | 'http_json';
  enabled: boolean;
  position: number;
  timeoutMs: number;
  settings: Record<string, unknown>;
  at: Date;
}

export async function saveProvider(trx: Transaction<Database>, p: ProviderWrite, exists: boolean): Promise<void> {
  const values = {
    kind: p.kind,
    enabled: p.enabled,
    position: p.position,
    timeout_ms: p.timeoutMs,
    settings: JSON.stringify(p.settings),
    updated_at: p.at,
  };
  if (exists) await trx.updateTable('enrichment_providers').set(values).where('id', '=', p.id).execute();
  else
    await trx
      .insertInto('enrichment_providers')
      .values({ id: p.id, ...values, created_at: p.at })
      .execute();
}

export async function deleteProvider(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('enrichment_providers').where('id', '=', id).execute();
}

/** The leads' enrichable fields, locked (in id order) so a person's edit and a fill cannot cross. */
export async function findLeadsForEnrichment(trx: Transaction<Database>, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return trx
    .selectFrom('leads')
    .select(['id', 'industry', 'employees', 'region', 'region_code', 'fields'])
    .where('id', 'in', leadIds)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function updateEnrichedLead(
  trx: Transaction<Database>,
  leadId: string,
  lead: {
    industry: string | null;
    employees: number | null;
    region: string | null;
    regionCode: string | null;
    fields: Record<string, unknown>;
  },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('leads')
    .set({
      industry: lead.industry,
      employees: lead.employees,
      region: lead.region,
      region_code: lead.regionCode,
      fields: JSON.stringify(lead.fields),
      updated_at: at,
    })
    .where('id', '=', leadId)
    .execute();
}

export interface FillRow {
  id: string;
  leadId: string;
  providerId: string;
  field: string;
  value: string | number;
  at: Date;
}

export async function insertFills(trx: Transaction<Database>, fills: readonly FillRow[]): Promise<void> {
  if (fills.length === 0) return;
  await trx
    .insertInto('enrichment_fills')
    .values(
      fills.map((f) => ({
        id: f.id,
        lead_id: f.leadId,
        provider_id: f.providerId,
        field: f.field,
        value: JSON.stringify(f.value),
        at: f.at,
      })),
    )
    .execute();
}

export interface AttemptRow {
  id: string;
  leadId: string;
  providerId: string;
  status: 'filled' | 'matched' | 'no_match' | 'failed' | 'skipped';
  error: string | null;
  durationMs: number | null;
  at: Date;
}

export async function insertAttempts(trx: Transaction<Database>, attempts: readonly AttemptRow[]): Promise<void> {
  if (attempts.length === 0) return;
  await trx
    .insertInto('enrichment_attempts')
    .values(
      attempts.map((a) => ({
        id: a.id,
        lead_id: a.leadId,
        provider_id: a.providerId,
        status: a.status,
        error: a.error,
        duration_ms: a.durationMs,
        at: a.at,
      })),
    )
    .execute();
}

export async function listFills(db: Kysely<Database>, leadId: string) {
  return db.selectFrom('enrichment_fills').selectAll().where('lead_id', '=', leadId).orderBy('seq').execute();
}

/** The latest `limit` attempts, oldest first (a lead merged again and again is asked again and again). */
export async function listAttempts(db: Kysely<Database>, leadId: string, limit = 200) {
  const rows = await db
    .selectFrom('enrichment_attempts')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}
