// Turns an exceljs cell value into the text an importer wants — close to what the person sees in
// Excel, but without display formatting that would hurt the data (grouping, "1.39E+10").

/** Excel keeps 15 significant digits; more digits in the file are binary noise (0.1+0.2). */
const excelPrecision = 15;

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return ''; // a formula error read as a number (NaN) is not a value
  const rounded = Number(n.toPrecision(excelPrecision));
  // String() switches to exponent notation from 1e21 on; digits are what a person typed there.
  if (Number.isInteger(rounded) && Math.abs(rounded) >= 1e21) return BigInt(rounded).toString();
  return String(rounded); // 13900000001 → "13900000001", never "1.39e10"
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Dates as ISO yyyy-mm-dd. exceljs builds Dates from Excel's zone-less serial numbers as if they
 * were UTC, so the UTC fields are the wall-clock fields. A time of day is kept ("yyyy-mm-ddTHH:mm:ss");
 * a time without a date (serial < 1, day 1899-12-30) is "HH:mm:ss".
 */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Round to the second: serials carry float noise like 10:29:59.9996.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

/** exceljs's own rule (utils.isDateFmt, not exported): date/time letters outside quotes and [..]. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29); the 1904 system is not
// handled for formula results — exceljs converts plain date cells itself, 1904 included.
const excelEpochMs = Date.UTC(1899, 11, 30);

/**
 * The text of a cell value as exceljs reads it. `numFmt` matters for formulas only: exceljs turns
 * date-formatted plain numbers into Dates but hands a formula's result over as a bare number.
 */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'; // as Excel shows it
  if (value instanceof Date) return formatDate(value);
  if (typeof value !== 'object') return String(value);

  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    // Rich text: runs of differently formatted text, one value.
    return v.richText.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v.result;
    if (typeof result === 'number' && isDateFormat(numFmt)) {
      return formatDate(new Date(excelEpochMs + result * 86_400_000));
    }
    // A formula's result can itself be an error object ({error: '#N/A'}): no value.
    if (result !== null && typeof result === 'object' && 'error' in result) return '';
    return cellText(result);
  }
  if ('hyperlink' in v || 'text' in v) return cellText(v.text); // hyperlink: its text, not its address
  if ('error' in v) return ''; // #N/A, #REF!: not data
  if ('sharedString' in v) return ''; // only without shared strings loaded, which we never do
  return '';
}
