/**
 * What a live update says (issue 8 item 9): which users were told of which event types. It
 * carries no lead data — the console refetches what it shows, under its own permissions.
 * A NOTIFY payload holds under 8,000 bytes; when the recipients do not fit, the signal goes to
 * everyone signed in (`users: null`) and each console simply refetches.
 */
export interface LiveSignal {
  /** Users told; null = anyone may be concerned. */
  users: string[] | null;
  types: string[];
}

const MAX_PAYLOAD_BYTES = 7_000;

export function encodeLiveSignal(users: readonly string[], types: readonly string[]): string {
  const signal: LiveSignal = { users: [...new Set(users)], types: [...new Set(types)] };
  const payload = JSON.stringify(signal);
  return Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES
    ? payload
    : JSON.stringify({ users: null, types: signal.types });
}

export function decodeLiveSignal(payload: string): LiveSignal | null {
  try {
    const value = JSON.parse(payload) as Partial<LiveSignal>;
    if (!Array.isArray(value.types) || !(value.users === null || Array.isArray(value.users))) return null;
    return { users: value.users, types: value.types.map(String) };
  } catch {
    return null;
  }
}

export function concerns(signal: LiveSignal, userId: string): boolean {
  return signal.users === null || signal.users.includes(userId);
}
