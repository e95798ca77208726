/** The timeline's words for a stitch: "visitor v123 stitched: 7 events". */
export function describeStitch(stitch: {
  visitorId?: string;
  email?: string;
  events: number;
  by: 'leadId' | 'email' | 'capture';
}): string {
  const who = stitch.visitorId ? `visitor ${stitch.visitorId}` : `e-mail ${stitch.email}`;
  const how =
    stitch.by === 'leadId'
      ? 'identified by lead id'
      : stitch.by === 'email'
        ? 'identified by e-mail'
        : 'lead captured with the e-mail';
  return `${who} stitched: ${stitch.events} ${stitch.events === 1 ? 'event' : 'events'} (${how})`;
}
