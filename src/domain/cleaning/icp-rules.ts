/**
 * Ideal-customer-profile (ICP) rules as data (SPEC §3: "exclude state-owned or foreign
 * enterprises, employee band < 20"). Each rule is a condition over lead fields and custom
 * attributes, and what happens when it holds: `disqualify` (status disqualified with the
 * rule's reason) or `flag` (a flag on the lead, status unchanged).
 *
 * Conditions use three-valued logic: a field nobody knows (employees null, no 企业类型) makes
 * a comparison *unknown*, and only a condition that is surely true acts — an unknown value
 * never disqualifies anyone (`not` of unknown is unknown too).
 */

export const textFields = [
  'name',
  'company',
  'title',
  'region',
  'regionCode',
  'industry',
  'channel',
  'email',
  'emailDomain',
  'phone',
] as const;
export const numberFields = ['employees'] as const;
/** Built-in fields a condition may name; custom attributes are `fields.<key>`. */
export const conditionFields: readonly string[] = [...textFields, ...numberFields];

export const comparisonOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

export type IcpCondition =
  | { field: string; op: ComparisonOp; value: string | number | boolean | (string | number)[] }
  | { all: IcpCondition[] }
  | { any: IcpCondition[] }
  | { not: IcpCondition };

export type IcpAction = 'disqualify' | 'flag';

export interface IcpRule {
  /** Stable id (a slug): flags and audit entries name it. */
  id: string;
  description: string;
  condition: IcpCondition;
  action: IcpAction;
  /** A code of the disqualify reason taxonomy; default outside_icp. */
  reason: string;
  /** The flag put on a matching lead, e.g. "ICP:employees<20" (derived from the condition when not given). */
  flag: string;
  enabled: boolean;
}

export const ICP_FLAG_PREFIX = 'ICP:';

/**
 * Shipped defaults, conservative on purpose (SPEC §3's examples; seed 001's company "excluded
 * 国央企 and 外企" because its product fit small and mid-sized firms — not every customer does):
 * - small-company (on): fewer than 20 employees → only a flag; switch to disqualify to exclude.
 * - state-or-foreign-owned (off): the 企业类型 attribute (from an import column or enrichment)
 *   is a state-owned or foreign-invested type → disqualify, outside_icp.
 * - foreign-subsidiary-name (off): company names like 西门子(中国)有限公司 or with 国有/国资 → flag.
 */
export const defaultIcpRules: readonly IcpRule[] = [
  {
    id: 'small-company',
    description: '员工少于 20 人 / fewer than 20 employees',
    condition: { field: 'employees', op: 'lt', value: 20 },
    action: 'flag',
    reason: 'outside_icp',
    flag: 'ICP:employees<20',
    enabled: true,
  },
  {
    id: 'state-or-foreign-owned',
    description: '国有企业或外资企业（按“企业类型”属性）/ state-owned or foreign-invested by 企业类型',
    condition: {
      field: 'fields.企业类型',
      op: 'in',
      value: [
        '国有企业',
        '国有独资企业',
        '国有控股企业',
        '中央企业',
        '央企',
        '外资企业',
        '外商独资企业',
        '中外合资企业',
        '外商投资企业',
      ],
    },
    action: 'disqualify',
    reason: 'outside_icp',
    flag: 'ICP:state-or-foreign-owned',
    enabled: false,
  },
  {
    id: 'foreign-subsidiary-name',
    description: '公司名显示为外企在华子公司或国资企业 / company name suggests a foreign subsidiary or state ownership',
    condition: { field: 'company', op: 'contains', value: ['(中国)', '国有', '国资'] },
    action: 'flag',
    reason: 'outside_icp',
    flag: 'ICP:foreign-subsidiary-name',
    enabled: false,
  },
];

const opSymbols: Partial<Record<ComparisonOp, string>> = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** "ICP:employees<20" for a single comparison; "ICP:<rule id>" for anything longer. */
export function defaultFlag(ruleId: string, condition: IcpCondition): string {
  if ('field' in condition && opSymbols[condition.op] && !Array.isArray(condition.value)) {
    return `${ICP_FLAG_PREFIX}${condition.field}${opSymbols[condition.op]}${condition.value}`;
  }
  return `${ICP_FLAG_PREFIX}${ruleId}`;
}
