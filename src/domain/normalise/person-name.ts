/**
 * Person names: a match key used together with the company key for de-duplication, and a tidy
 * display form.
 *
 * The key ignores script (張偉 = 张伟), width, case and spacing (张 伟, "Li  Lei" = "li lei"),
 * and the separator dot of transliterated names (阿卜杜·热合曼 = 阿卜杜•热合曼 = 阿卜杜热合曼),
 * because people type the same name all these ways. It is only compared, never shown.
 */
import { toSimplifiedChinese } from './simplified-chinese.js';
import { toHalfWidth } from './width.js';

// Whitespace plus the dots used between given name and surname: . · • ‧ ・ ∙
const SPACES_AND_NAME_DOTS = /[\s.\u00b7\u2022\u2027\u30fb\u2219]+/g;

export function personNameKey(name: string): string {
  return toSimplifiedChinese(toHalfWidth(name)).toLowerCase().replace(SPACES_AND_NAME_DOTS, '');
}

/** The name as stored for display: full-width ASCII folded, whitespace trimmed and collapsed. */
export function displayPersonName(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, ' ').trim();
}
