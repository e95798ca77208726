/**
 * The provider chain as data (SPEC §3): list, add, replace and remove providers, and build the
 * chain the enrichment run asks in order. Only admins and sales ops change it (it sends lead
 * company names to third parties). Header values are secrets: stored as given, shown and
 * audited only masked.
 */
import type { FieldMap } from '../../domain/enrichment/answer-mapping.js';
import type { EnrichmentProvider } from '../../domain/enrichment/company-facts.js';
import {
  checkHttpJsonSettings,
  defaultTimeoutMs,
  directoryProviderId,
  type HttpJsonSettings,
  keepMaskedSecrets,
  maskSecret,
  type ProviderKind,
  providerIdPattern,
} from '../../domain/enrichment/provider-config.js';
import { Conflict, type FieldError, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  deleteProvider as deleteProviderRow,
  findProviderForUpdate,
  isDirectoryEmpty,
  listProviders,
  nextProviderPosition,
  type ProviderRow,
  saveProvider,
} from '../../store/repositories/enrichment.js';
import type { ServiceContext } from '../context.js';
import { directoryProvider } from './directory-provider.js';
import { httpJsonProvider } from './http-json-provider.js';

export interface ProviderInput {
  id?: string;
  kind: ProviderKind;
  urlTemplate?: string;
  headers?: Record<string, string>;
  fieldMap?: Record<string, string>;
  timeoutMs?: number;
  enabled?: boolean;
  order?: number;
}

export interface ProviderView {
  id: string;
  kind: ProviderKind;
  enabled: boolean;
  order: number;
  timeoutMs: number;
  urlTemplate?: string;
  /** Values masked: a secret is never shown back in full. */
  headers?: Record<string, string>;
  fieldMap?: FieldMap;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function httpSettings(row: ProviderRow): HttpJsonSettings {
  const s = row.settings as Partial<HttpJsonSettings>;
  return { urlTemplate: s.urlTemplate ?? '', headers: s.headers ?? {}, fieldMap: s.fieldMap ?? {} };
}

export function presentProvider(row: ProviderRow): ProviderView {
  const base = {
    id: row.id,
    kind: row.kind,
    enabled: row.enabled,
    order: row.position,
    timeoutMs: row.timeout_ms,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.kind !== 'http_json') return base;
  const s = httpSettings(row);
  return {
    ...base,
    urlTemplate: s.urlTemplate,
    headers: Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k, maskSecret(v)])),
    fieldMap: s.fieldMap,
  };
}

/** The enabled providers, in the order the chain asks them. */
export async function providerChain(ctx: ServiceContext): Promise<EnrichmentProvider[]> {
  const rows = (await listProviders(ctx.db)).filter((r) => r.enabled);
  // An empty directory matches nothing: say so once per run rather than asking per lead.
  const directoryEmpty = rows.some((r) => r.kind === 'directory') && (await isDirectoryEmpty(ctx.db));
  return rows.map((r) =>
    r.kind === 'directory'
      ? directoryProvider(ctx.db, r.id, r.timeout_ms, { empty: directoryEmpty })
      : httpJsonProvider(r.id, httpSettings(r), r.timeout_ms),
  );
}

export async function listProviderViews(ctx: ServiceContext, actor: Actor): Promise<ProviderView[]> {
  authorize(actor, 'enrichment.manage');
  return (await listProviders(ctx.db)).map(presentProvider);
}

function checkInput(id: string, input: ProviderInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!providerIdPattern.test(id)) {
    errors.push({
      field: 'id',
      message: 'must be 2–40 characters: a lower-case letter, then letters, digits, _ or -',
      messageZh: '须为 2–40 个字符：以小写字母开头，后接字母、数字、_ 或 -',
    });
  }
  if (input.kind === 'directory') {
    if (id !== directoryProviderId) {
      errors.push({
        field: 'kind',
        message: `there is one directory provider, "${directoryProviderId}"`,
        messageZh: `企业名录数据源只有一个：“${directoryProviderId}”`,
      });
    }
    for (const field of ['urlTemplate', 'headers', 'fieldMap'] as const) {
      if (input[field] !== undefined) {
        errors.push({
          field,
          message: 'applies to http_json providers only',
          messageZh: '只适用于 http_json 类型的数据源',
        });
      }
    }
  } else {
    if (id === directoryProviderId) {
      errors.push({
        field: 'kind',
        message: `"${directoryProviderId}" is the directory provider`,
        messageZh: `“${directoryProviderId}”是企业名录数据源`,
      });
    }
    errors.push(...checkHttpJsonSettings(input));
  }
  return errors;
}

/** Adds (created: true) or replaces a provider. `mustBeNew`: POST refuses an id in use (409). */
export async function saveProviderConfig(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: ProviderInput,
  options: { mustBeNew: boolean },
): Promise<{ provider: ProviderView; created: boolean }> {
  authorize(actor, 'enrichment.manage');
  if (input.id !== undefined && input.id !== id) {
    throw new InvalidInput([
      {
        field: 'id',
        message: `does not match the provider in the path ("${id}")`,
        messageZh: `与路径中的数据源（“${id}”）不一致`,
      },
    ]);
  }
  const errors = checkInput(id, input);
  if (errors.length) throw new InvalidInput(errors);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findProviderForUpdate(trx, id);
    if (existing && options.mustBeNew) {
      throw new Conflict(`a provider "${id}" exists already; PUT /enrichment/providers/${id} replaces it`);
    }
    const settings: Record<string, unknown> =
      input.kind === 'http_json'
        ? {
            urlTemplate: input.urlTemplate,
            headers: keepMaskedSecrets(input.headers ?? {}, existing ? httpSettings(existing).headers : {}),
            fieldMap: input.fieldMap,
          }
        : {};
    await saveProvider(
      trx,
      {
        id,
        kind: input.kind,
        enabled: input.enabled ?? existing?.enabled ?? true,
        position: input.order ?? existing?.position ?? (await nextProviderPosition(trx)),
        timeoutMs: input.timeoutMs ?? existing?.timeout_ms ?? defaultTimeoutMs,
        settings,
        at,
      },
      Boolean(existing),
    );
    const saved = (await findProviderForUpdate(trx, id)) as ProviderRow;
    const view = presentProvider(saved);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: existing ? 'enrichment.provider_changed' : 'enrichment.provider_added',
        entityType: 'enrichment_provider',
        entityId: id,
        from: existing ? { ...presentProvider(existing) } : null,
        to: { ...view },
        at,
      },
    ]);
    return { provider: view, created: !existing };
  });
}

export async function removeProviderConfig(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'enrichment.manage');
  if (id === directoryProviderId) {
    throw new Conflict('the directory provider is built in: disable it (enabled: false) instead of removing it');
  }
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findProviderForUpdate(trx, id);
    if (!existing) throw new NotFound(`enrichment provider ${id}`);
    await deleteProviderRow(trx, id);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'enrichment.provider_removed',
        entityType: 'enrichment_provider',
        entityId: id,
        from: { ...presentProvider(existing) },
        at,
      },
    ]);
  });
}
