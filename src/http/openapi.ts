/**
 * Final touches on the generated OpenAPI document: error responses are declared with the
 * media type they are sent with (application/problem+json) and a title, and component schemas
 * no operation refers to (input twins the zod provider registers) are dropped.
 */
import { titleOf } from './problem.js';

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> };
type Doc = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

export function finishOpenApiDocument<T>(document: T): T {
  const doc = structuredClone(document) as Doc;
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      operation.responses ??= {};
      const responses = operation.responses;
      // Statuses the framework answers for every operation of a kind: a body can be too large
      // or of the wrong type; a path parameter can be malformed.
      const implied = [...(operation.requestBody ? [400, 413, 415] : []), ...(path.includes('{') ? [400] : [])];
      for (const status of implied) responses[status] ??= {};
      for (const status of Object.keys(responses)) {
        if (Number(status) < 400) continue;
        responses[status] = { description: titleOf(Number(status)), content: problemContent };
      }
    }
  }
  const schemas = doc.components?.schemas;
  // Drop until nothing changes: an unused schema may be what kept another one referenced.
  for (let dropped = true; schemas && dropped; ) {
    dropped = false;
    const text = JSON.stringify(doc.paths) + JSON.stringify(schemas);
    for (const name of Object.keys(schemas)) {
      if (!text.includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        dropped = true;
      }
    }
  }
  return doc as T;
}
