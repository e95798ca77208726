/**
 * A notification as a team chat shows it, before any vendor's format: a title, label/value
 * lines, free notes, a link. Each robot (wecom.ts, dingtalk.ts, feishu.ts, slack.ts) renders one
 * or several of these (a batch, when its rate limit makes messages wait) as one request.
 */
import type { PostOutcome } from './http-post.js';

export interface ChatMessage {
  title: string;
  fields: readonly (readonly [label: string, value: string])[];
  notes: readonly string[];
  link: { label: string; url: string } | null;
}

export interface RobotTarget {
  url: string;
  secret: string | null;
}

export interface RobotRequest {
  url: string;
  body: string;
}

export interface RobotChannel {
  /** Requests one robot takes a minute (a WeCom group robot: 20). */
  perMinute: number;
  request(messages: readonly ChatMessage[], target: RobotTarget, now: Date): RobotRequest;
  /** Whether the request is within the vendor's size limits. */
  fits(request: RobotRequest): boolean;
  /** Why the answer is a failure (non-2xx, or the vendor's error code in a 200 body); null when delivered. */
  failure(outcome: PostOutcome): string | null;
}

export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** The vendor's JSON error code in a 200 answer (`errcode` for WeCom and DingTalk, `code` for Feishu). */
export function vendorError(outcome: PostOutcome, codeField: string, messageField: string): string | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(outcome.body);
  } catch {
    return null;
  }
  const code = parsed?.[codeField];
  if (code === undefined || code === null || code === 0 || code === '0') return null;
  return `${codeField} ${String(code)}: ${String(parsed[messageField] ?? '')}`;
}
