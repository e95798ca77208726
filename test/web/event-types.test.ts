/**
 * Every event a webhook, robot or the e-mail setting can subscribe to (the server's list, which
 * the console shows) has a name in both languages, so the console never falls back to the raw id.
 */
import { describe, expect, it } from 'vitest';
import { eventTypes } from '../../src/services/events/event-types.js';
import { settingsNotifications as en } from '../../web/src/i18n/en/settingsNotifications.js';
import { settingsNotifications as zh } from '../../web/src/i18n/zh-CN/settingsNotifications.js';

describe('event types in the console', () => {
  it.each([
    ['zh-CN', zh.eventNames],
    ['en', en.eventNames],
  ])('each has a name in %s', (_, names) => {
    const unnamed = eventTypes.filter((type) => !(names as Record<string, string>)[type.replace(/\./g, '_')]);
    expect(unnamed).toEqual([]);
    expect(eventTypes.length).toBeGreaterThan(5);
  });
});
