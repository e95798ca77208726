/**
 * A lead fails the definition in force (SPEC §4.2): transferring it is refused with HTTP 422
 * naming each unmet criterion, unless an `sdr_lead` overrides with a written reason (the
 * transfer service decides that, and audits it).
 */
import { DomainError } from '../errors.js';
import { type DefinitionKind, definitionKindNames } from './definition-body.js';
import type { UnmetCriterion } from './evaluate-definition.js';

export class DefinitionNotMet extends DomainError {
  constructor(
    readonly kind: DefinitionKind,
    readonly version: number,
    readonly unmet: UnmetCriterion[],
  ) {
    super(
      'unprocessable',
      `the lead does not meet ${definitionKindNames[kind].en} definition v${version}: ${unmet.map((u) => u.detail).join('; ')}`,
      unmet.map((u) => ({ field: u.criterion, message: u.detail, messageZh: u.detailZh })),
    );
  }
}
