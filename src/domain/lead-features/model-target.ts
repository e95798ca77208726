/** The stage a predictive model learns to foresee (SPEC §4.3 label: reached SQL, opportunity or won). */
export const modelTargets = ['sql', 'opportunity', 'won'] as const;
export type ModelTarget = (typeof modelTargets)[number];
