/** The shapes of GET/PUT /scoring/rules and POST /scoring/preview (SPEC §4.3). */
import type { ScoringRules } from '../../../../src/domain/scoring/scoring-rules.js';
import type { SeniorityLevel } from '../../../../src/domain/seniority/seniority-level.js';
import type {
  PreviewItem as ServerPreviewItem,
  ScoringPreview as ServerScoringPreview,
} from '../../../../src/services/scoring/preview-rules.js';
import type { RulesInForce } from '../../../../src/services/scoring/rules-in-force.js';
import type { Role } from '../../api';
import type { Wire } from '../../wire';

export { SENIORITY_LEVELS as seniorityLevels } from '../../../../src/domain/seniority/seniority-level.js';
export type { PreviewScore } from '../../../../src/services/scoring/preview-rules.js';
export type { ScoringRules, SeniorityLevel };

/** GET /scoring/rules: the rules in force, their version and who saved them when. */
export type RulesView = Wire<Omit<RulesInForce, 'scorer'>>;

/** POST /scoring/preview's answer, and one lead of it. */
export type ScoringPreview = Wire<ServerScoringPreview>;
export type PreviewItem = Wire<ServerPreviewItem>;

/** Who may change the rules (and so preview them): the policy's scoring.manage. */
export const scoringManagers: readonly Role[] = ['admin', 'marketing', 'sales_ops'];

export const scoringRulesKey = ['scoring-rules'] as const;
