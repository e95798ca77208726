/** Checks shared by webhook, robot and SMTP settings: an http(s) URL and known event names (SPEC §9). */
import { type FieldError, InvalidInput } from '../../domain/errors.js';
import { type EventType, eventTypes } from '../events/event-types.js';

export function urlProblems(url: string, field = 'url'): FieldError[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field, message: 'is not a URL', messageZh: '不是网址' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return [
      {
        field,
        message: `must be an http or https URL, not ${parsed.protocol.replace(':', '')}`,
        messageZh: `须为 http 或 https 网址，不能是 ${parsed.protocol.replace(':', '')}`,
      },
    ];
  if (!parsed.hostname) return [{ field, message: 'has no host', messageZh: '缺少主机名' }];
  return [];
}

export function eventProblems(events: readonly string[], field = 'events'): FieldError[] {
  if (events.length === 0)
    return [
      {
        field,
        message: `must name at least one event: ${eventTypes.join(', ')}`,
        messageZh: `须至少指定一个事件：${eventTypes.join('、')}`,
      },
    ];
  return events.flatMap((e, i) =>
    (eventTypes as readonly string[]).includes(e)
      ? []
      : [
          {
            field: `${field}[${i}]`,
            message: `"${e}" is not an event; events are ${eventTypes.join(', ')}`,
            messageZh: `“${e}”不是事件；事件有 ${eventTypes.join('、')}`,
          },
        ],
  );
}

export function throwIfAny(problems: FieldError[]): void {
  if (problems.length > 0) throw new InvalidInput(problems);
}

export const distinctEvents = (events: readonly string[]) => [...new Set(events)] as EventType[];
