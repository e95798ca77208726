/**
 * A routing explanation line (SPEC §5.2), worded from its code and values
 * (web/src/routing-lines.ts). Keys must match ../en/routingLines.ts.
 */
export const routingLines = {
  listSeparator: '、',
  reasonSeparator: '；',
  more: '{{names}}…等 {{count}} 人',
  outcome: {
    picked: '选中',
    skipped: '跳过',
    narrowed: '筛选',
    kept: '保留',
    matched: '匹配',
    no_match: '不匹配',
    dispatch: '派单',
  },
  matchedOn: { credit_code: '统一社会信用代码', name: '公司名', alias: '别名' },
  account: {
    head: '客户匹配：{{account}}（按{{matchedOn}}匹配）',
    none: '客户匹配：无 CRM 客户，按市场来源线索分配',
    noOwner: '{{head}} — 无在职负责人，按市场来源线索分配',
    neverActive: '从无跟进记录',
    idleSince: '最近跟进 {{at}}，已超过 {{days}} 天',
    idle: '{{head}} — 负责人 {{owner}} {{idle}} → 作为市场线索分配给负责人，全额计分；{{days}} 天内须首次联系，截止 {{due}}',
    contact: '{{title}}（{{level}}）',
    noTitle: '无职位',
    contactsNone: '负责人无对接联系人记录',
    contacts: '负责人对接：{{contacts}}',
    syncSenior:
      '{{head}} — 负责人 {{owner}} 最近跟进 {{at}}，{{days}} 天内有跟进；新联系人 {{contact}} 高于所有对接联系人；{{contacts}} → 同步给负责人，全额计分',
    syncPartial:
      '{{head}} — 负责人 {{owner}} 最近跟进 {{at}}，{{days}} 天内有跟进；新联系人 {{contact}} 不高于对接联系人；{{contacts}} → 同步给负责人，部分计分 {{credit}}',
    owner: '客户负责人直接获得，不经名单/暂停/产能/地区/轮转规则',
    ownerNotes: '{{line}}；注意：{{owner}} {{notes}}',
  },
  step: { eligibility: '资格', suspension: '暂停', capacity: '产能' },
  skipped: '{{step}}：跳过 {{rep}} — {{reasons}}',
  reason: {
    notEligible: '不在本月名单',
    suspended: '暂停至 {{until}}',
    atCapacity: '未决 MQL {{open}}/{{capacity}} 已满',
    badWeight: '轮转权重 {{weight}} 无效',
  },
  region: {
    unknown: '地区：线索无地区，不按地区筛选',
    noMatch: '地区：{{region}} — 无人覆盖该地区，保留全部 {{pool}} 人',
    all: '地区：{{region}} — {{pool}} 人全部覆盖该地区',
    narrowed: '地区：{{region}} — {{pool}} 人中 {{matching}} 人覆盖该地区；未覆盖：{{names}}',
    none: '未设地区',
  },
  industry: {
    unknown: '行业：线索无行业，不按行业筛选',
    noMatch: '行业：{{industry}} — 无人有该行业案例，保留全部 {{pool}} 人',
    all: '行业：{{industry}} — {{pool}} 人全部有该行业案例',
    narrowed: '行业：{{industry}} — {{pool}} 人中 {{matching}} 人有该行业案例；无该行业案例：{{names}}',
    none: '未设行业',
  },
  skill: {
    off: '技能：未配置技能规则',
    noGrade: '无等级',
    level: '级别 {{level}}',
    mustWin: {
      noMatch: '技能：{{grade}} 为必赢线索，优先资深销售 — 无人级别 ≥ {{level}}，保留全部 {{pool}} 人',
      all: '技能：{{grade}} 为必赢线索，优先资深销售 — {{pool}} 人全部级别 ≥ {{level}}',
      narrowed:
        '技能：{{grade}} 为必赢线索，优先资深销售 — {{pool}} 人中 {{matching}} 人级别 ≥ {{level}}；级别不足：{{names}}',
    },
    practice: {
      noMatch: '技能：{{grade}} 非必赢线索，留给新人练手 — 无人级别 < {{level}}，保留全部 {{pool}} 人',
      all: '技能：{{grade}} 非必赢线索，留给新人练手 — {{pool}} 人全部级别 < {{level}}',
      narrowed:
        '技能：{{grade}} 非必赢线索，留给新人练手 — {{pool}} 人中 {{matching}} 人级别 < {{level}}；留给必赢线索：{{names}}',
    },
  },
  rotation: {
    picked:
      '轮转：选中 {{rep}}（权重 {{weight}}，已分配 {{received}}，应得 {{share}}{{department}}）— {{pool}} 人池，{{balance}}',
    department: '，部门 {{department}}',
    balance: { weight: '按权重', department: '按部门均分' },
    tieBreak: {
      department: '并列时交替部门',
      least_recent: '并列时取最久未分配者',
      id: '并列时按编号',
    },
    notDue: '未轮到：{{names}}',
    standing: '{{name}}（权重 {{weight}}，已分配 {{received}}）',
  },
  dispatch: {
    noReps: '人工分派：销售名单为空',
    nobodyFits: '人工分派：无可分配销售 — {{counts}}',
    notEligible: '{{count}} 人不在本月名单',
    suspended: '{{count}} 人暂停',
    atCapacity: '{{count}} 人满额',
    badWeight: '{{count}} 人权重无效',
    manual: '人工分配：{{reason}}',
    recalled: '超时收回：只有原销售可选',
    assigned: '人工分配：指派给 {{rep}}',
    synced: '人工分配：同步给现有负责人 {{rep}}，部分计分',
  },
} as const;
