/**
 * The behaviours a tracked visitor or lead can do (SPEC §2): what POST /track accepts as
 * `type`. `identify` is not a behaviour: it only tells who an anonymous visitor is (the
 * snippet's leadloop.identify(email)), so it stitches without recording an event.
 */
export const behaviourTypes = [
  'page_view',
  'download',
  'form_submit',
  'event_register',
  'event_attend',
  'email_open',
  'email_click',
  'chat',
  'demo_request',
] as const;
export type BehaviourType = (typeof behaviourTypes)[number];

export const trackTypes = [...behaviourTypes, 'identify'] as const;
export type TrackType = (typeof trackTypes)[number];
