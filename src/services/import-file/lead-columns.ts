// Maps the header cells of an import file to the input fields of POST /leads (§10.1).
// People fill in templates by hand or export them from Chinese CRMs, so a column is found by
// its field name (`landingPage`, `utm_source`) or one of its Chinese labels (手机, 落地页), and
// cosmetic differences — case, full-width characters, spaces, a required-marker — don't matter.

/** Every header spelling we accept, by lead field. Written loosely; matched after normaliseHeader. */
const aliases: Record<string, readonly string[]> = {
  name: ['name', '姓名', '联系人', '名字'],
  phone: ['phone', '手机', '电话', '手机号', '联系电话', '手机号码'],
  email: ['email', '邮箱', '电子邮件', '邮件', '电子邮箱'],
  company: ['company', '公司', '公司名称', '企业名称'],
  title: ['title', '职位', '职务', '头衔'],
  region: ['region', '地区', '省份', '城市', '所在地区'],
  industry: ['industry', '行业'],
  employees: ['employees', '员工数', '员工人数', '人数', '规模'],
  channel: ['channel', '渠道', '来源', '来源渠道'],
  externalId: ['externalId', '外部编号'],
  outcome: ['outcome', '结果'],
  // History imports: when the lead was captured (live imports keep it under fields).
  createdAt: ['createdAt', '创建时间', '创建日期', '线索创建时间'],
  utm_source: ['utm_source'],
  utm_medium: ['utm_medium'],
  utm_campaign: ['utm_campaign'],
  utm_term: ['utm_term'],
  utm_content: ['utm_content'],
  referrer: ['referrer', '来源页'],
  landingPage: ['landingPage', '落地页'],
};

/** The lead fields an import column can fill, in the order of POST /leads. */
export const leadFields: readonly string[] = Object.keys(aliases);

// A trailing (or, as some templates write it, leading) "*" or "(必填)" marks a required column;
// it is decoration, not part of the name. Applied after NFKC, so "（必填）" and "＊" are covered.
const requiredMarker = /^\*+|(?:\*|\(必填\)|\(required\))+$/gi;
// Separators are dropped so that `utm_source`, `utmSource`, `UTM Source` and `utm-source` meet.
const separators = /[\s_-]+/g;
// Zero-width characters and a stray BOM survive trim() and Excel happily keeps them in cells.
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The matching key of a header cell: NFKC (full-width → half-width), invisible characters,
 * required-markers and separators removed, lower-cased.
 */
export function normaliseHeader(header: string): string {
  let text = header.normalize('NFKC').replace(invisible, '').trim();
  // Loop because markers stack up in the wild: "手机号(必填)*".
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(requiredMarker, '').trim();
  }
  return text.replace(separators, '').toLowerCase();
}

/** Normalised header text → lead field name. */
export const leadColumnLabels: Record<string, string> = Object.fromEntries(
  Object.entries(aliases).flatMap(([field, names]) => names.map((name) => [normaliseHeader(name), field])),
);

/**
 * Which lead field a header cell fills, or — for a column we don't know — the custom field it
 * is kept under (its original text, trimmed, so the person recognises it in `fields`).
 */
export function fieldForHeader(header: string): { field: string } | { custom: string } {
  const key = normaliseHeader(header);
  // hasOwn, not a plain lookup: a column called "constructor" must not find Object.prototype's.
  return Object.hasOwn(leadColumnLabels, key) ? { field: leadColumnLabels[key] } : { custom: header.trim() };
}
