/**
 * Full-width → half-width folding.
 *
 * Chinese input methods produce full-width ASCII (１３９, ＠, Ｃｏ．，Ｌｔｄ．) and the ideographic
 * space; people mix both forms freely, so every normaliser folds them first to make
 * "１３９" and "139" the same text.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xff01 - 0x21;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Maps U+FF01–U+FF5E to U+0021–U+007E and U+3000 to a plain space; everything else is kept. */
export function toHalfWidth(s: string): string {
  // Fast path: most input in bulk imports is already half-width, so avoid building a new string.
  if (!/[\u3000\uff01-\uff5e]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_TO_HALF_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}
