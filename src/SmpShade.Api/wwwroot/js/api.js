// Talks to the SmpShade API. Every failure becomes an ApiError carrying the problem
// details (RFC 9457: title, detail, code, and row errors when there are any), so the page
// can show it; nothing is swallowed.

/** An API answer that was not a success, or a request that never got an answer. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

let apiKey = '';

/** An API key to send as X-Api-Key with every request (kept in memory only). */
export function setApiKey(key) {
  apiKey = (key || '').trim();
}

async function send(url, init) {
  let response;
  const headers = new Headers(init.headers || {});
  if (apiKey && !headers.has('x-api-key')) headers.set('x-api-key', apiKey);
  try {
    response = await fetch(url, { ...init, headers });
  } catch (e) {
    throw new ApiError(0, {
      title: 'The service could not be reached',
      detail: `${e.message}. Check that SmpShade is running and try again.`,
    });
  }
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const problem = body && typeof body === 'object'
      ? body
      : { title: `${response.status} ${response.statusText}`.trim(), detail: typeof body === 'string' ? body.slice(0, 300) : '' };
    throw new ApiError(response.status, problem);
  }
  return body;
}

function photoForm(photo, options) {
  const form = new FormData();
  form.append('photo', photo, photo.name || 'photo.jpg');
  form.append('options', JSON.stringify(options));
  return form;
}

/** POST /api/v1/analyses: multipart photo + options JSON (no regions means the service guesses them). */
export function analyse(photo, options) {
  return send('/api/v1/analyses', { method: 'POST', body: photoForm(photo, options) });
}

/** POST /api/v1/matches with already measured Lab values (JSON). */
export function match(request) {
  return send('/api/v1/matches', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

/** GET /api/v1/suppliers: [{name, label}] for a picker ("acme (v3, 24 pigments)"). */
export async function suppliers() {
  const body = await send('/api/v1/suppliers', { headers: { accept: 'application/json' } });
  const items = Array.isArray(body) ? body : (body && body.items) || [];
  return items
    .map(s => {
      if (typeof s === 'string') return { name: s, label: s };
      const name = s.supplier || s.name;
      const facts = [s.currentVersion ? `v${s.currentVersion}` : '', s.pigments != null ? `${s.pigments} pigments` : ''].filter(Boolean);
      return { name, label: facts.length ? `${name} (${facts.join(', ')})` : name };
    })
    .filter(s => s.name);
}

/** POST /api/v1/outcomes (needs a clinic or practitioner key: see setApiKey). */
export function recordOutcome(outcome) {
  return send('/api/v1/outcomes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(outcome),
  });
}

/**
 * The row or field errors of a problem as plain lines. Handles the validation form
 * (`errors: {field: [messages]}`) and the catalogue form (`errors: [{row, column, reason}]`).
 */
export function problemLines(problem) {
  const errors = problem && problem.errors;
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map(e => {
      if (typeof e === 'string') return e;
      const where = [e.row != null ? `row ${e.row}` : '', e.column || e.field || ''].filter(Boolean).join(', ');
      const why = e.reason || e.message || e.detail || JSON.stringify(e);
      return where ? `${where}: ${why}` : why;
    });
  }
  return Object.entries(errors).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).map(m => (field ? `${field}: ${m}` : String(m))));
}
