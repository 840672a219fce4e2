// Calls to the server's REST API (same origin; the browser adds Basic credentials when the server asks for them).

export async function getJson(path, options = {}) {
  const response = await fetch(path, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { errors: [text] }; }
  if (!response.ok) {
    const message = body && body.errors ? body.errors.join('; ') : response.statusText;
    throw new Error(message);
  }
  return body;
}

export function postJson(path, body, method = 'POST') {
  return getJson(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Escapes text for HTML. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function formatDuration(ms) {
  if (ms < 0) return '-';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return h > 0 ? `${h}h ${m}m ${sec}s` : m > 0 ? `${m}m ${sec}s` : `${sec}s`;
}

export function formatTime(epochMs) {
  if (epochMs === undefined || epochMs === null || epochMs <= 0) return '-';
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

export function formatWatermark(w) {
  // Long.MIN_VALUE (no watermark) and Long.MAX_VALUE (input ended) come through JSON as huge numbers
  if (w === undefined || w === null || w < -1e15 || w > 1e15) return 'none';
  return new Date(w).toISOString().substring(11, 23);
}

export function formatBytes(n) {
  if (n === undefined || n === null || n < 0) return '-';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatRate(r) {
  if (r >= 1000000) return `${(r / 1000000).toFixed(1)}M/s`;
  if (r >= 1000) return `${(r / 1000).toFixed(1)}k/s`;
  return `${Math.round(r)}/s`;
}
