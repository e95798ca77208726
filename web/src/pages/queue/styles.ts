/** Colours of the workbench that pass WCAG AA on white and on the light row highlight. */
export const muted = { color: '#595959' } as const;
export const linkStyle = { color: '#0958d9' } as const;
