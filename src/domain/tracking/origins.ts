/**
 * Web origins a tracking site accepts events from (SPEC §2: the public endpoint is
 * origin-checked). An origin is scheme://host[:port], compared exactly as browsers send it
 * in the Origin header: lower-case, no path, default ports dropped.
 */
export type OriginResult = { ok: true; origin: string } | { ok: false; message: string; messageZh: string };

export function normaliseOrigin(raw: string): OriginResult {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: 'is not an origin like https://www.example.cn',
      messageZh: '不是形如 https://www.example.cn 的来源地址',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'must start with https:// or http://', messageZh: '须以 https:// 或 http:// 开头' };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return {
      ok: false,
      message: 'must be an origin only (scheme, host and port), without a path',
      messageZh: '只能是来源地址（协议、主机和端口），不能带路径',
    };
  return { ok: true, origin: url.origin };
}

/** Whether a browser's Origin header is one of the site's origins. */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  return allowed.includes(origin.toLowerCase());
}
