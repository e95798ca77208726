/**
 * Contact seniority from a job title (SPEC §4.3 fit, §5.2 conflict rules): C-level > VP >
 * director > manager > staff > intern. `unknown` ranks below everything, so a title we cannot
 * read never outranks one we can; callers that must not penalise it check the level.
 */
export type SeniorityLevel = 'c_level' | 'vp' | 'director' | 'manager' | 'staff' | 'intern' | 'unknown';

export const SENIORITY_LEVELS: readonly SeniorityLevel[] = [
  'c_level',
  'vp',
  'director',
  'manager',
  'staff',
  'intern',
  'unknown',
];

export const SENIORITY_RANK: Readonly<Record<SeniorityLevel, number>> = {
  c_level: 5,
  vp: 4,
  director: 3,
  manager: 2,
  staff: 1,
  intern: 0,
  unknown: -1,
};

/** What an SDR reads in explanations: "职位级别: 总监 (director)". */
export const SENIORITY_LABEL: Readonly<Record<SeniorityLevel, string>> = {
  c_level: 'C级高管',
  vp: '副总裁',
  director: '总监',
  manager: '经理',
  staff: '员工',
  intern: '实习生',
  unknown: '未知',
};
