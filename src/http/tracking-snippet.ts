/**
 * The browser snippet served at GET /t.js (SPEC §2): dependency-free ES5 that a page embeds as
 *   <script src="https://leadloop.example.cn/t.js" data-site-key="llpk_…" async></script>
 * It keeps an anonymous visitorId (localStorage, cookie when storage is blocked), remembers
 * the utm_* parameters, referrer and landing page of the visitor's FIRST visit and sends them
 * in meta.firstTouch with every page view, sends a page_view on load, and exposes
 * window.leadloop.track(type, meta), .identify(email) and .page() (for single-page apps).
 * Events go to <the script's own origin>/api/v1/track with the X-LeadLoop-Site-Key header.
 *
 * Kept as text (not compiled TypeScript) so what browsers run is exactly what is tested.
 */
export const trackingSnippet = String.raw`/* LeadLoop tracking snippet v1 */
(function () {
  'use strict';
  var w = window;
  var d = document;
  if (w.leadloop && w.leadloop.version) return;
  var script = d.currentScript;
  if (!script) {
    var all = d.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (all[i].getAttribute('data-site-key')) {
        script = all[i];
        break;
      }
    }
  }
  if (!script) return;
  var siteKey = script.getAttribute('data-site-key');
  var endpoint = new URL(script.src, w.location.href).origin + '/api/v1/track';
  var VISITOR = 'leadloop_vid';
  var FIRST = 'leadloop_first';
  var UTM = ['source', 'medium', 'campaign', 'term', 'content'];

  function cookieGet(name) {
    var parts = ('; ' + (d.cookie || '')).split('; ' + name + '=');
    return parts.length > 1 ? decodeURIComponent(parts[parts.length - 1].split(';')[0]) : null;
  }
  function cookieSet(name, value) {
    d.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=63072000; SameSite=Lax';
  }
  function read(name) {
    try {
      var v = w.localStorage.getItem(name);
      if (v !== null && v !== undefined) return v;
    } catch (e) {}
    return cookieGet(name);
  }
  function write(name, value) {
    try {
      w.localStorage.setItem(name, value);
      return;
    } catch (e) {}
    cookieSet(name, value);
  }
  function newId() {
    if (w.crypto && w.crypto.randomUUID) return w.crypto.randomUUID();
    var s = '';
    for (var i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
    return s;
  }
  function clip(text, n) {
    return typeof text === 'string' ? text.slice(0, n) : null;
  }
  function utmOf(search) {
    var params = new URLSearchParams(search || '');
    var utm = {};
    var any = false;
    for (var i = 0; i < UTM.length; i++) {
      var v = params.get('utm_' + UTM[i]);
      if (v) {
        utm[UTM[i]] = v.slice(0, 200);
        any = true;
      }
    }
    return any ? utm : null;
  }

  var visitorId = read(VISITOR);
  if (!visitorId || !/^[A-Za-z0-9_.:-]{1,100}$/.test(visitorId)) {
    visitorId = newId();
    write(VISITOR, visitorId);
  }
  var first = null;
  try {
    first = JSON.parse(read(FIRST) || 'null');
  } catch (e) {}
  if (!first || typeof first !== 'object') {
    first = {
      utm: utmOf(w.location.search) || {},
      referrer: clip(d.referrer, 1000) || null,
      landingPage: clip(w.location.href, 1000),
      at: new Date().toISOString()
    };
    write(FIRST, JSON.stringify(first));
  }

  function send(body) {
    body.visitorId = visitorId;
    if (!body.url) body.url = clip(w.location.href, 2000);
    try {
      return w
        .fetch(endpoint, {
          method: 'POST',
          keepalive: true,
          mode: 'cors',
          credentials: 'omit',
          headers: { 'content-type': 'application/json', 'x-leadloop-site-key': siteKey },
          body: JSON.stringify(body)
        })
        .then(
          function (r) {
            return r.ok ? r.json() : null;
          },
          function () {
            return null;
          }
        );
    } catch (e) {
      return Promise.resolve(null);
    }
  }
  function page() {
    var meta = { title: clip(d.title, 300) || null, referrer: clip(d.referrer, 1000) || null, firstTouch: first };
    var utm = utmOf(w.location.search);
    if (utm) meta.utm = utm;
    return send({ type: 'page_view', meta: meta });
  }

  w.leadloop = {
    version: 1,
    visitorId: function () {
      return visitorId;
    },
    page: page,
    track: function (type, meta) {
      return send({ type: String(type), meta: meta && typeof meta === 'object' ? meta : {} });
    },
    identify: function (email) {
      return send({ type: 'identify', email: String(email) });
    }
  };
  page();
})();
`;
