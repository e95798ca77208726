/**
 * Traditional → simplified Chinese folding, so that 上海合約檢查 and 上海合约检查 match.
 *
 * Uses OpenCC's character-level variant tables ('tw' then 'hk' to 'cn') and deliberately not the
 * phrase tables ('twp'): phrase conversion rewrites vocabulary (資訊 → 信息, 軟體 → 软件), which
 * would change what a company or person is called rather than just how it is written.
 */
import * as OpenCC from 'opencc-js';

const fromTaiwanScript = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKongScript = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Only CJK text can need conversion; skipping the dictionaries keeps Latin-only input cheap.
const MAY_CONTAIN_HAN = /[\u2e80-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/;

export function toSimplifiedChinese(s: string): string {
  if (!MAY_CONTAIN_HAN.test(s)) return s;
  return fromHongKongScript(fromTaiwanScript(s));
}
