import { describe, expect, it } from 'vitest';
import { checkTrackEvent } from './track-event.js';

const now = new Date('2026-03-02T01:00:00.000Z');
const browser = { now, mayBackfill: false };
const server = { now, mayBackfill: true };

describe('checking a tracked event (SPEC §2)', () => {
  it('needs an identity: 400 naming visitorId, leadId and email', () => {
    const r = checkTrackEvent({ type: 'page_view', url: 'https://x.cn/' }, browser);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['visitorId', 'leadId', 'email']);
    const blank = checkTrackEvent({ type: 'page_view', visitorId: '  ', email: ' ' }, browser);
    expect(blank.ok).toBe(false);
  });

  it('normalises the e-mail as capture does, and names a bad one', () => {
    const r = checkTrackEvent({ type: 'email_click', email: ' Zhang.Wei@QQ。com ' }, server);
    expect(r.ok && r.event.email).toBe('zhang.wei@qq.com');
    const bad = checkTrackEvent({ type: 'email_click', email: 'not-mail' }, server);
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['email']);
  });

  it('dates an event now unless told; a site key may not date it in the future or days back', () => {
    const r = checkTrackEvent({ type: 'page_view', visitorId: 'v1' }, browser);
    expect(r.ok && r.event.occurredAt).toEqual(now);
    const fieldsOf = (occurredAt: string, options = browser) => {
      const c = checkTrackEvent({ type: 'page_view', visitorId: 'v1', occurredAt }, options);
      return c.ok ? [] : c.errors.map((e) => e.field);
    };
    expect(fieldsOf('2026-03-02T01:04:00Z')).toEqual([]);
    expect(fieldsOf('2026-03-02T01:06:00Z')).toEqual(['occurredAt']);
    expect(fieldsOf('2026-03-01T00:59:00Z')).toEqual(['occurredAt']);
    expect(fieldsOf('2025-01-01T00:00:00Z', server)).toEqual([]);
    expect(fieldsOf('2026-03-03T00:00:00Z', server)).toEqual(['occurredAt']);
  });

  it('identify needs the visitor and who they are', () => {
    const r = checkTrackEvent({ type: 'identify', email: 'a@b.cn' }, browser);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['visitorId']);
    const s = checkTrackEvent({ type: 'identify', visitorId: 'v1' }, browser);
    expect(s.ok ? [] : s.errors.map((e) => e.field)).toEqual(['email']);
  });

  it('refuses a meta object over 8 KB', () => {
    const r = checkTrackEvent({ type: 'download', visitorId: 'v1', meta: { blob: 'x'.repeat(9000) } }, browser);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['meta']);
  });
});
