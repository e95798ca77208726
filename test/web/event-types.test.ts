/** The console's list of subscribable events (settings → notifications) is the server's list. */
import { describe, expect, it } from 'vitest';
import { eventTypes as serverEventTypes } from '../../src/services/events/event-types.js';
import { eventTypes as consoleEventTypes } from '../../web/src/pages/settings/NotificationsEvents.js';

describe('event types in the console', () => {
  it('are exactly the server’s, in its order', () => {
    expect([...consoleEventTypes]).toEqual([...serverEventTypes]);
  });
});
