/**
 * The qualification frameworks in use (SPEC §4.1): the built-in templates — as shipped, or as
 * an admin or SDR lead edited them — and custom ones. Every change is audited, and the leads
 * answering the framework are rescored (its points are part of their score).
 */
import type { Kysely, Transaction } from 'kysely';
import { validateDefinitionBody } from '../domain/definitions/validate-definition-body.js';
import { Conflict, InvalidInput, NotFound } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { builtInFrameworks } from '../domain/qualification/built-in-frameworks.js';
import type { Framework } from '../domain/qualification/framework.js';
import { validateFrameworkDefinition } from '../domain/qualification/validate-framework.js';
import type { Actor } from '../domain/roles.js';
import { lockKeys } from '../store/advisory-locks.js';
import { appendAudit } from '../store/repositories/audit.js';
import { listDefinitionVersions } from '../store/repositories/definitions.js';
import {
  findStoredFrameworkForUpdate,
  leadIdsQualifiedWith,
  listStoredFrameworks,
  saveFramework,
} from '../store/repositories/frameworks.js';
import type { Database } from '../store/schema.js';
import type { ServiceContext } from './context.js';
import { rescoreLeads } from './scoring/rescore.js';

type Queryable = Kysely<Database> | Transaction<Database>;

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const builtInById = (id: string) => builtInFrameworks.find((f) => sameId(f.id, id));

/** Built-in templates first (edited where edited), then custom frameworks in order of creation. */
export async function listFrameworks(db: Queryable): Promise<Framework[]> {
  return frameworksOf(await listStoredFrameworks(db));
}

/** The frameworks in force given the stored rows (oldest first): built-ins (edited or shipped), then custom ones. */
export function frameworksOf(stored: readonly { id: string; built_in: boolean; definition: unknown }[]): Framework[] {
  const edited = (id: string) => stored.find((r) => r.built_in && sameId(r.id, id));
  const builtIns = builtInFrameworks.map((b) => (edited(b.id)?.definition as Framework | undefined) ?? b);
  const custom = stored.filter((r) => !r.built_in).map((r) => r.definition as Framework);
  return [...builtIns, ...custom];
}

export async function findFramework(db: Queryable, id: string): Promise<Framework | undefined> {
  return (await listFrameworks(db)).find((f) => sameId(f.id, id));
}

function checked(input: unknown, replacing?: Framework): Framework {
  const result = validateFrameworkDefinition(input, replacing ? { replacing } : {});
  if (!result.ok) throw new InvalidInput(result.errors);
  return result.framework;
}

export async function createFramework(ctx: ServiceContext, actor: Actor, input: unknown): Promise<Framework> {
  authorize(actor, 'frameworks.manage');
  const framework = checked(input);
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`framework:${framework.id.toLowerCase()}`]);
    const existing = await findStoredFrameworkForUpdate(trx, framework.id);
    if (existing)
      throw new Conflict(
        `a framework with the id ${existing.id} exists already; PUT /frameworks/${existing.id} edits it`,
      );
    const at = ctx.clock.now();
    await saveFramework(trx, { id: framework.id, definition: framework, builtIn: false, by: actor.id, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'framework.created',
        entityType: 'framework',
        entityId: framework.id,
        to: { ...framework },
        at,
      },
    ]);
    return framework;
  });
}

/**
 * Replaces a framework's definition. A built-in template keeps its answer keys and their types
 * (checked against the template as shipped). A change that would leave a stage definition
 * (any version not rejected, since history must still replay) asking for an answer the form
 * can no longer give is refused with 409 naming the definition.
 */
export async function changeFramework(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<Framework> {
  authorize(actor, 'frameworks.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`framework:${id.toLowerCase()}`]);
    const stored = await findStoredFrameworkForUpdate(trx, id);
    const builtIn = builtInById(id);
    if (!stored && !builtIn) throw new NotFound(`framework ${id}`);
    const current = (stored?.definition as Framework | undefined) ?? (builtIn as Framework);
    const body =
      typeof input === 'object' && input !== null && !Array.isArray(input) && !('id' in input)
        ? { ...input, id: current.id }
        : input;
    const framework = checked(body, builtIn ?? current);
    if (JSON.stringify(framework) === JSON.stringify(current)) return current;

    const frameworks = (await listFrameworks(trx)).map((f) => (sameId(f.id, id) ? framework : f));
    for (const v of await listDefinitionVersions(trx)) {
      if (v.status === 'rejected') continue;
      const criteria = (v.body as { criteria?: { framework?: string }[] }).criteria ?? [];
      if (!criteria.some((c) => c.framework === framework.id)) continue;
      const still = validateDefinitionBody(v.body, frameworks);
      if (!still.ok) {
        throw new Conflict(
          `version ${v.version} of the ${v.kind.replace('definition:', '')} definition relies on ${framework.id} as it is: ${still.errors
            .map((e) => `${e.field}: ${e.message}`)
            .join('; ')}`,
        );
      }
    }

    const at = ctx.clock.now();
    await saveFramework(trx, { id: framework.id, definition: framework, builtIn: framework.builtIn, by: actor.id, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'framework.changed',
        entityType: 'framework',
        entityId: framework.id,
        from: { ...current },
        to: { ...framework },
        at,
      },
    ]);
    await rescoreLeads(trx, ctx, await leadIdsQualifiedWith(trx, framework.id), 'framework');
    return framework;
  });
}
