// The alert desk page. People sign in at the identity provider (GET /login, OpenID Connect) and the page then works
// on that session: same-origin fetch() with the session cookie, GET /me for who is signed in, GET /logout to sign
// out. Where no identity provider is configured (config.json signIn false) it takes a bearer token from #token=… or
// the paste box instead (kept in sessionStorage) and sends it in the Authorization header, never in a URL. The open
// alerts come from GET /alerts, live changes from GET /alerts/stream read with fetch(). An alert's links open through
// the desk's own origin (/upstream/<service>/…), so the browser never talks to another port. The desk speaks
// English, Russian or Kazakh (i18n.js), chosen in the header and remembered per user in this browser; times are
// Astana time in every language.
'use strict';

const TOKEN_KEY = 'aifc.token';
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const WRITERS = ['compliance-officer', 'mlro', 'admin'];

const state = {
  language: 'en',
  token: null,
  session: false,
  claims: {},
  config: { reportBaseUrls: {} },
  alerts: new Map(),
  rows: new Map(),
  stream: null,
  retry: 1000
};

const $ = (id) => document.getElementById(id);

// ---- language --------------------------------------------------------------------------------------------------

/** The desk's text for a key in the chosen language (English where a translation is missing), {0}… filled in. */
function t(key, ...args) {
  return translate(I18N, state.language, key, args);
}

/** A moment in Astana time, written the way the chosen language writes dates. */
function astana(ms) {
  return formatAstana(ms, state.language);
}

function chooseLanguage(language) {
  state.language = I18N[language] ? language : 'en';
  saveLanguage(state.language, state.claims);
  applyLanguage();
}

/** Puts every fixed text of the page in the chosen language and redraws what is on screen. */
function applyLanguage() {
  document.documentElement.lang = state.language;
  $('language').value = state.language;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
  if (signedIn()) {
    showIdentity();
    setConnection($('connection').dataset.state, t($('connection').dataset.key || 'conn.offline'));
    state.rows.clear();
    renderFirmOptions(true);
    render();
  } else {
    $('identity').textContent = t('notSignedIn');
    setConnection('offline', t('conn.offline'), 'conn.offline');
  }
}

document.addEventListener('DOMContentLoaded', start);

async function start() {
  state.language = savedLanguage(I18N, state.claims);
  applyLanguage();
  $('language').addEventListener('change', (e) => chooseLanguage(e.target.value));
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    useToken($('token-input').value.trim().replace(/^Bearer\s+/i, ''));
  });
  $('forget-token').addEventListener('click', forgetToken);
  $('sign-out').addEventListener('click', () => sessionStorage.removeItem(TOKEN_KEY));
  $('firm-filter').addEventListener('change', render);
  $('severity-filter').addEventListener('change', render);
  $('alert-rows').addEventListener('click', onRowAction);
  $('firm-rows').addEventListener('click', onFirmPick);
  $('resolve-cancel').addEventListener('click', () => $('resolve-dialog').close());
  $('resolve-form').addEventListener('submit', onResolveSubmit);
  setInterval(renderDeadlinesOnly, 60000);

  try {
    state.config = await (await fetch('/config.json')).json();
  } catch (e) {
    state.config = { reportBaseUrls: {}, upstreams: {} };
  }
  if (state.config.signIn) {
    await resumeSession();
    return;
  }
  window.addEventListener('hashchange', tokenFromFragment);
  if (tokenFromFragment()) {
    return;
  } else if (sessionStorage.getItem(TOKEN_KEY)) {
    useToken(sessionStorage.getItem(TOKEN_KEY));
  } else {
    showTokenPanel('');
  }
}

/** A token in the address (#token=…) is taken, then removed so it is not left in history or shared by copy. */
function tokenFromFragment() {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!fromFragment) return false;
  history.replaceState(null, '', location.pathname + location.search);
  useToken(fromFragment);
  return true;
}

/** The identity provider's session, if there is one: the desk opens for it, else the sign-in panel shows. */
async function resumeSession() {
  let me;
  try {
    const response = await fetch('/me', { credentials: 'same-origin', headers: sessionHeaders() });
    me = response.ok ? await response.json() : { signedIn: false };
  } catch (e) {
    showSignInPanel(t('signIn.failed'));
    return;
  }
  if (!me.signedIn) {
    showSignInPanel('');
    return;
  }
  state.session = true;
  openDesk({ upn: me.name, groups: me.roles, firm_id: me.firmId });
}

function sessionHeaders() {
  // quarkus-oidc answers such a request 499 when the session has ended, instead of redirecting it to the sign-in page.
  return { 'X-Requested-With': 'JavaScript', Accept: 'application/json' };
}

function showSignInPanel(message) {
  $('sign-in-panel').hidden = false;
  $('desk').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in-error').textContent = message;
  $('identity').textContent = t('notSignedIn');
  setConnection('offline', t('conn.offline'), 'conn.offline');
}

function signedIn() {
  return state.session || Boolean(state.token);
}

function useToken(token) {
  const claims = decodeClaims(token);
  if (!claims) {
    showTokenPanel(t('token.notJwt'));
    return;
  }
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    showTokenPanel(t('token.expired'));
    return;
  }
  state.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('forget-token').hidden = false;
  openDesk(claims);
}

function openDesk(claims) {
  state.claims = claims;
  state.alerts.clear();
  state.rows.clear();
  const firmSelect = $('firm-filter');
  firmSelect.disabled = false;
  firmSelect.replaceChildren(allFirmsOption());
  $('token-panel').hidden = true;
  $('sign-in-panel').hidden = true;
  $('desk').hidden = false;
  $('sign-out').hidden = !state.session;
  const roles = claims.groups || [];
  state.language = savedLanguage(I18N, state.claims);
  applyLanguage();
  const allFirms = roles.includes('regulator') || roles.includes('admin');
  $('regulator-view').hidden = !allFirms;
  if (!allFirms && claims.firm_id) {
    const select = $('firm-filter');
    select.innerHTML = '';
    select.append(new Option(claims.firm_id, claims.firm_id));
    select.disabled = true;
  }
  connect();
}

function showIdentity() {
  const roles = (state.claims.groups || []).filter((r) => I18N.en['role.' + r]).map((r) => t('role.' + r));
  const firm = state.claims.firm_id || t('everyFirm');
  $('identity').textContent = `${state.claims.upn || state.claims.sub || t('signedIn')} · ${roles.join(', ')} · ${firm}`;
}

function allFirmsOption() {
  const option = new Option(t('allFirms'), '');
  option.dataset.i18n = 'allFirms';
  return option;
}

function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.stream) state.stream.abort();
  state.token = null;
  state.alerts.clear();
  $('desk').hidden = true;
  $('forget-token').hidden = true;
  state.claims = {};
  $('identity').textContent = t('notSignedIn');
  setConnection('offline', t('conn.offline'), 'conn.offline');
  showTokenPanel('');
}

function showTokenPanel(message) {
  $('token-panel').hidden = false;
  $('desk').hidden = true;
  $('token-error').textContent = message;
  $('token-input').focus();
}

function decodeClaims(token) {
  const parts = (token || '').split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(Array.from(json, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  } catch (e) {
    return null;
  }
}

function canWrite() {
  return (state.claims.groups || []).some((r) => WRITERS.includes(r));
}

function api(path, options = {}) {
  const credential = state.session ? sessionHeaders() : { Authorization: 'Bearer ' + state.token, Accept: 'application/json' };
  const headers = Object.assign(credential, options.headers || {});
  return fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers })).then((response) => {
    if (state.session && (response.status === 499 || response.status === 401)) sessionEnded();
    return response;
  });
}

function sessionEnded() {
  if (!state.session) return;
  state.session = false;
  if (state.stream) state.stream.abort();
  state.alerts.clear();
  state.claims = {};
  showSignInPanel(t('signIn.expired'));
}

// ---- live stream ---------------------------------------------------------------------------------------------

async function connect() {
  if (state.stream) state.stream.abort();
  const controller = new AbortController();
  state.stream = controller;
  setConnection('offline', t('conn.connecting'), 'conn.connecting');
  try {
    const response = await api('/alerts/stream', { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (state.token && (response.status === 401 || response.status === 403)) {
      const problem = await response.json().catch(() => ({}));
      setConnection('offline', t('conn.notAllowed'), 'conn.notAllowed');
      showTokenPanel(problem.detail || t('token.mayNotRead'));
      return;
    }
    if (!state.session && !state.token) return;
    if (response.status === 403) {
      setConnection('offline', t('conn.notAllowed'), 'conn.notAllowed');
      announceText(t('token.mayNotRead'));
      return;
    }
    if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
    await readEvents(response.body, controller);
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  if (controller.signal.aborted || !signedIn()) return;
  setConnection('offline', t('conn.reconnecting'), 'conn.reconnecting');
  setTimeout(() => { if (state.stream === controller) connect(); }, state.retry);
  state.retry = Math.min(state.retry * 2, 15000);
}

async function readEvents(body, controller) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done || controller.signal.aborted) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      dispatch(block);
    }
  }
}

function dispatch(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    if (field === 'data') data.push(value);
  }
  if (name === 'ready') {
    state.retry = 1000;
    setConnection('live', t('conn.live'), 'conn.live');
    loadAlerts();
  } else if (name === 'alert' && data.length) {
    const notification = JSON.parse(data.join('\n'));
    if (merge(notification.alert)) {
      render(notification.alert.alertId);
      announce(notification);
    }
  }
}

function setConnection(stateName, text, key) {
  const el = $('connection');
  el.dataset.state = stateName;
  if (key) el.dataset.key = key;
  el.textContent = text;
}

// ---- data ------------------------------------------------------------------------------------------------------

async function loadAlerts() {
  const items = [];
  for (let page = 0; page < 20; page++) {
    const response = await api('/alerts?status=OPEN,ACKNOWLEDGED&size=500&page=' + page);
    if (!response.ok) {
      announceText(t('error.load', response.status));
      return;
    }
    const body = await response.json();
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) break;
  }
  items.forEach(merge);
  render();
}

/** Keeps the newest version of each alert; answers whether anything changed. */
function merge(alert) {
  const known = state.alerts.get(alert.alertId);
  if (known && known.version >= alert.version) return false;
  state.alerts.set(alert.alertId, alert);
  return true;
}

function visibleAlerts() {
  const firm = $('firm-filter').value;
  const severity = $('severity-filter').value;
  return [...state.alerts.values()]
    .filter((a) => a.status !== 'RESOLVED')
    .filter((a) => !firm || a.firmId === firm)
    .filter((a) => !severity || a.severity === severity)
    .sort(byUrgency);
}

function byUrgency(a, b) {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s) return s;
  const da = a.regulatoryDeadline ? Date.parse(a.regulatoryDeadline) : Infinity;
  const db = b.regulatoryDeadline ? Date.parse(b.regulatoryDeadline) : Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return Date.parse(b.detectedAt) - Date.parse(a.detectedAt);
}

// ---- rendering -------------------------------------------------------------------------------------------------

function render(changedId) {
  renderFirmOptions();
  const alerts = visibleAlerts();
  const rows = $('alert-rows');
  const focused = document.activeElement && document.activeElement.closest('tr[data-alert-id]');
  const focusKey = focused ? [focused.dataset.alertId, document.activeElement.dataset.action] : null;
  // Rows whose alert did not change are kept, so focus, selection and a pending click survive live updates.
  const kept = new Map();
  rows.replaceChildren(...alerts.map((a) => {
    const cached = state.rows.get(a.alertId);
    const tr = cached && cached.version === a.version && a.alertId !== changedId ? cached.tr : row(a, a.alertId === changedId);
    kept.set(a.alertId, { version: a.version, tr });
    return tr;
  }));
  state.rows = kept;
  $('empty').hidden = alerts.length > 0;
  if (focusKey) {
    const again = rows.querySelector(`tr[data-alert-id="${CSS.escape(focusKey[0])}"] [data-action="${focusKey[1]}"]`);
    if (again) again.focus();
  }
  renderCounts(alerts);
  renderFirms();
}

function renderDeadlinesOnly() {
  if (!signedIn()) return;
  state.rows.clear();
  render();
}

function row(a, changed) {
  const tr = document.createElement('tr');
  tr.dataset.alertId = a.alertId;
  tr.dataset.status = a.status;
  if (changed) tr.className = 'changed';

  const sev = cell(tr);
  const badge = el('span', 'sev sev-' + a.severity, t('sev.' + a.severity));
  sev.append(badge);

  const what = cell(tr);
  what.append(el('span', 'alert-title', a.title));
  const withheld = a.withheld || [];
  what.append(el('span', 'meta', withheld.includes('detail') ? t('amlWithheld') : a.detail));
  what.append(el('span', 'meta', `${t('duty.' + a.duty)} · ${a.ruleId} · ${a.citation || ''} · ${a.alertId}`));

  cell(tr, a.firmId).className = 'firm';

  const deadline = cell(tr);
  if (a.regulatoryDeadline) {
    const due = Date.parse(a.regulatoryDeadline);
    const left = due - Date.now();
    const when = el('time', left < 0 ? 'overdue' : left < 86400000 ? 'soon' : '', astana(due));
    when.dateTime = a.regulatoryDeadline;
    deadline.append(when);
    deadline.append(el('span', left < 0 ? 'meta overdue' : 'meta', left < 0 ? t('overdueBy', span(-left)) : t('dueIn', span(left))));
    if (a.deadlineBasis) deadline.append(el('span', 'meta', a.deadlineBasis));
  } else {
    deadline.append(el('span', 'meta', t('noDeadline')));
  }

  const status = cell(tr);
  status.append(el('span', 'status', t(a.status === 'ACKNOWLEDGED' ? 'status.ACKNOWLEDGED' : 'status.OPEN')));
  if (a.acknowledgedBy) {
    status.append(el('span', 'meta', t('by', a.acknowledgedBy, astana(Date.parse(a.acknowledgedAt)))));
  }
  if (a.escalationReason) {
    const key = 'esc.' + a.escalationReason;
    status.append(el('span', 'escalated', I18N.en[key] ? t(key) : t('esc.other')));
  }

  const report = cell(tr);
  const links = Object.entries(a.links || {});
  if (links.length) {
    for (const [name, path] of links) {
      const via = (state.config.upstreams || {})[a.duty] || '';
      const link = el('a', '', name === 'report' ? t('draftedReport') : name);
      link.href = via + '/' + String(path).replace(/^\/+/, '');
      link.target = '_blank';
      link.rel = 'noopener';
      link.append(el('span', 'visually-hidden', t('newTab', a.title, a.firmId)));
      report.append(link, document.createElement('br'));
    }
  } else if (a.linksWithheld) {
    report.append(el('span', 'meta', t('linksWithheld')));
  } else {
    report.append(el('span', 'meta', '—'));
  }

  const actions = cell(tr);
  if (canWrite()) {
    if (a.status === 'OPEN') actions.append(actionButton('acknowledge', t('acknowledge'), a));
    actions.append(actionButton('resolve', t('resolve'), a, 'secondary'));
  } else {
    actions.append(el('span', 'meta', t('readOnly')));
  }
  return tr;
}

function actionButton(action, label, a, extra) {
  const b = el('button', extra || '', label);
  b.type = 'button';
  b.dataset.action = action;
  b.append(el('span', 'visually-hidden', ` ${a.title}, ${a.firmId}`));
  return b;
}

function renderCounts(alerts) {
  const list = $('severity-counts');
  list.replaceChildren(...SEVERITIES.map((s) => {
    const li = el('li', '');
    li.dataset.severity = s;
    li.append(el('strong', '', String(alerts.filter((a) => a.severity === s).length)), t('sev.' + s));
    return li;
  }));
}

function renderFirmOptions(relabel) {
  const select = $('firm-filter');
  if (select.disabled) return;
  const firms = [...new Set([...state.alerts.values()].filter((a) => a.status !== 'RESOLVED').map((a) => a.firmId))].sort();
  const current = select.value;
  const have = [...select.options].map((o) => o.value).filter(Boolean);
  if (have.join() === firms.join() && !relabel) return;
  select.replaceChildren(allFirmsOption(), ...firms.map((f) => new Option(f, f)));
  select.value = firms.includes(current) ? current : '';
}

function renderFirms() {
  if ($('regulator-view').hidden) return;
  const byFirm = new Map();
  for (const a of state.alerts.values()) {
    if (a.status === 'RESOLVED') continue;
    const f = byFirm.get(a.firmId) || { firm: a.firmId, CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, overdue: 0, nearest: null };
    f[a.severity]++;
    if (a.regulatoryDeadline) {
      const due = Date.parse(a.regulatoryDeadline);
      if (due < Date.now()) f.overdue++;
      else if (f.nearest === null || due < f.nearest) f.nearest = due;
    }
    byFirm.set(a.firmId, f);
  }
  const firms = [...byFirm.values()].sort((x, y) => y.overdue - x.overdue || y.CRITICAL - x.CRITICAL
    || y.HIGH - x.HIGH || (x.nearest ?? Infinity) - (y.nearest ?? Infinity));
  $('firm-rows').replaceChildren(...firms.map((f) => {
    const tr = document.createElement('tr');
    tr.dataset.firmId = f.firm;
    const name = document.createElement('th');
    name.scope = 'row';
    const pick = el('button', 'link', f.firm);
    pick.type = 'button';
    pick.dataset.firm = f.firm;
    pick.append(el('span', 'visually-hidden', t('showOnlyFirm')));
    name.append(pick);
    tr.append(name);
    for (const s of SEVERITIES) cell(tr, String(f[s])).className = 'num';
    const overdue = cell(tr, String(f.overdue));
    overdue.className = f.overdue ? 'num overdue' : 'num';
    cell(tr, f.nearest === null ? '—' : `${astana(f.nearest)} (${t('dueIn', span(f.nearest - Date.now()))})`);
    return tr;
  }));
}

function cell(tr, text) {
  const td = document.createElement('td');
  if (text !== undefined) td.textContent = text;
  tr.append(td);
  return td;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function span(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return t('unit.min', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('unit.h', hours);
  return t('unit.days', Math.round(hours / 24));
}

function announce(n) {
  const key = 'change.' + n.change;
  announceText(`${I18N.en[key] ? t(key) : t('change.other')}: ${n.alert.title}, ${n.alert.firmId}, ${t('sev.' + n.alert.severity)}`);
}

function announceText(text) {
  $('announcer').textContent = text;
}

// ---- actions ---------------------------------------------------------------------------------------------------

function onFirmPick(e) {
  const button = e.target.closest('button[data-firm]');
  if (!button) return;
  $('firm-filter').value = button.dataset.firm;
  render();
  $('alerts-heading').focus();
}

async function onRowAction(e) {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const id = button.closest('tr').dataset.alertId;
  const alert = state.alerts.get(id);
  if (button.dataset.action === 'acknowledge') {
    button.disabled = true;
    const response = await api('/alerts/' + encodeURIComponent(id) + '/acknowledge', { method: 'POST' });
    await applyAnswer(response, t('done.acknowledged'));
  } else if (button.dataset.action === 'resolve') {
    const dialog = $('resolve-dialog');
    dialog.dataset.alertId = id;
    $('resolve-alert-title').textContent = `${alert.title} (${alert.firmId}, ${id})`;
    $('resolve-reason').value = '';
    $('resolve-error').textContent = '';
    dialog.showModal();
    $('resolve-reason').focus();
  }
}

async function onResolveSubmit(e) {
  e.preventDefault();
  const dialog = $('resolve-dialog');
  const reason = $('resolve-reason').value.trim();
  if (!reason) {
    $('resolve-error').textContent = t('resolve.giveReason');
    return;
  }
  const response = await api('/alerts/' + encodeURIComponent(dialog.dataset.alertId) + '/resolve', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason })
  });
  if (response.ok) {
    dialog.close();
    await applyAnswer(response, t('done.resolved'));
    $('alerts-heading').focus();
  } else {
    const problem = await response.json().catch(() => ({}));
    $('resolve-error').textContent = problem.detail || t('error.resolve', response.status);
  }
}

async function applyAnswer(response, verb) {
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    if (merge(body)) render(body.alertId);
    announceText(`${verb}: ${body.title}, ${body.firmId}`);
  } else {
    announceText(body.detail || t('error.change', response.status));
    render();
  }
}
