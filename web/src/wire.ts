/**
 * The console reads the API's answers as the server's own types say (src/domain, src/services),
 * imported with `import type` so they are declared once and vanish from the bundle. JSON carries
 * what JSON.stringify makes of them: `Wire<T>` is that shape — every Date an ISO-8601 string.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
