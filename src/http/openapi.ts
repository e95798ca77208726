/**
 * Final touches on the generated OpenAPI document: error responses are declared with the
 * media type they are sent with (application/problem+json) and a title, and component schemas
 * no operation refers to (input twins the zod provider registers) are dropped.
 */
import { titleOf } from './problem.js';

type Doc = { paths?: Record<string, Record<string, { responses?: Record<string, any> }>>; components?: { schemas?: Record<string, unknown> } };

export function finishOpenApiDocument<T>(document: T): T {
  const doc = structuredClone(document) as Doc;
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400 || !response?.content?.['application/json']) continue;
        response.content = { 'application/problem+json': response.content['application/json'] };
        response.description = titleOf(Number(status));
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
