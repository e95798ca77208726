import type { Catalogue } from '../catalogue.js';

/** A routing explanation line (SPEC §5.2), worded from its code and values (web/src/routing-lines.ts). */
export const routingLines: Catalogue['routingLines'] = {
  listSeparator: ', ',
  reasonSeparator: '; ',
  more: '{{names}}… {{count}} in all',
  outcome: {
    picked: 'picked',
    skipped: 'skipped',
    narrowed: 'narrowed',
    kept: 'kept',
    matched: 'matched',
    no_match: 'no match',
    dispatch: 'dispatch',
  },
  matchedOn: { credit_code: 'credit code', name: 'company name', alias: 'alias' },
  account: {
    head: 'Account: {{account}} (matched on {{matchedOn}})',
    none: 'Account: no CRM account; routed as a marketing-sourced lead',
    noOwner: '{{head}} — no active owner; routed as a marketing-sourced lead',
    neverActive: 'has no activity on record',
    idleSince: 'last active {{at}}, over {{days}} days ago',
    idle: '{{head}} — owner {{owner}} {{idle}} → assigned to the owner as a marketing lead, full credit; first contact due within {{days}} days, by {{due}}',
    contact: '{{title}} ({{level}})',
    noTitle: 'no title',
    contactsNone: 'the owner has no contacts on record',
    contacts: "the owner's contacts: {{contacts}}",
    syncSenior:
      '{{head}} — owner {{owner}} last active {{at}}, within {{days}} days; the new contact, {{contact}}, is more senior than all of them; {{contacts}} → synced to the owner, full credit',
    syncPartial:
      '{{head}} — owner {{owner}} last active {{at}}, within {{days}} days; the new contact, {{contact}}, is not more senior; {{contacts}} → synced to the owner, partial credit {{credit}}',
    owner: 'The account owner gets it: the eligibility list, suspension, capacity, region and rotation do not apply',
    ownerNotes: '{{line}}; note: {{owner}} {{notes}}',
  },
  step: { eligibility: 'Eligibility', suspension: 'Suspension', capacity: 'Capacity' },
  skipped: '{{step}}: skipped {{rep}} — {{reasons}}',
  reason: {
    notEligible: "not on this month's eligibility list",
    suspended: 'suspended until {{until}}',
    atCapacity: '{{open}}/{{capacity}} open MQLs, at capacity',
    badWeight: 'rotation weight {{weight}} is not usable (must be > 0)',
  },
  region: {
    unknown: 'Region: the lead has no region; pool kept',
    noMatch: 'Region: {{region}} — no rep covers it; all {{pool}} kept',
    all: 'Region: {{region}} — every rep of the pool ({{pool}}) covers it',
    narrowed: 'Region: {{region}} — {{matching}} of {{pool}} reps cover it; left out, not covering it: {{names}}',
    none: 'no regions',
  },
  industry: {
    unknown: 'Industry: the lead has no industry; pool kept',
    noMatch: 'Industry: {{industry}} — no rep has cases in it; all {{pool}} kept',
    all: 'Industry: {{industry}} — every rep of the pool ({{pool}}) has cases in it',
    narrowed:
      'Industry: {{industry}} — {{matching}} of {{pool}} reps have cases in it; left out, no cases in it: {{names}}',
    none: 'no industries',
  },
  skill: {
    off: 'Skill: no skill policy; pool kept',
    noGrade: 'no grade',
    level: 'level {{level}}',
    mustWin: {
      noMatch:
        'Skill: {{grade}} is a must-win lead, senior reps first — no rep is at level ≥ {{level}}; all {{pool}} kept',
      all: 'Skill: {{grade}} is a must-win lead, senior reps first — every rep of the pool ({{pool}}) is at level ≥ {{level}}',
      narrowed:
        'Skill: {{grade}} is a must-win lead, senior reps first — {{matching}} of {{pool}} reps are at level ≥ {{level}}; left out, below level {{level}}: {{names}}',
    },
    practice: {
      noMatch:
        'Skill: {{grade}} is not must-win, practice for newer reps — no rep is below level {{level}}; all {{pool}} kept',
      all: 'Skill: {{grade}} is not must-win, practice for newer reps — every rep of the pool ({{pool}}) is below level {{level}}',
      narrowed:
        'Skill: {{grade}} is not must-win, practice for newer reps — {{matching}} of {{pool}} reps are below level {{level}}; left out, kept for must-win leads: {{names}}',
    },
  },
  rotation: {
    picked:
      'Rotation: picked {{rep}} (weight {{weight}}, received {{received}}, due {{share}}{{department}}) — pool of {{pool}}, {{balance}}',
    department: ', department {{department}}',
    balance: { weight: 'balanced by weight', department: 'an equal share per department' },
    tieBreak: {
      department: 'tie: alternate department',
      least_recent: 'tie: least recently picked',
      id: 'tie: by id',
    },
    notDue: 'not due yet: {{names}}',
    standing: '{{name}} (weight {{weight}}, received {{received}})',
  },
  dispatch: {
    noReps: 'Dispatch: no reps on the roster',
    nobodyFits: 'Dispatch: nobody fits — {{counts}}',
    notEligible: '{{count}} not eligible',
    suspended: '{{count}} suspended',
    atCapacity: '{{count}} at capacity',
    badWeight: '{{count}} without a usable weight',
    manual: 'Manual dispatch: {{reason}}',
    recalled: 'Recalled after the acceptance deadline: the only rep who fits is the one who missed it',
    assigned: 'Dispatch: assigned to {{rep}}',
    synced: 'Dispatch: synced to the existing owner {{rep}}, partial credit',
  },
};
