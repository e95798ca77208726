// One error type for "this upload is not a lead table at all", as opposed to a bad row (RowError).
// The importer turns it into a 4xx / CLI message as is, so every message is written for the person
// who picked the file and says what to do about it.

export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}
