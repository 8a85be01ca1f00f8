// The alert desk page: a bearer token from #token=… or the paste box (kept in sessionStorage), the open alerts
// from GET /alerts, live changes from GET /alerts/stream read with fetch() so the token goes in the
// Authorization header and never in a URL.
'use strict';

const TOKEN_KEY = 'aifc.token';
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const SEVERITY_LABEL = { CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };
const DUTY_LABEL = { CAPITAL: 'Capital', AML: 'AML', FIT_AND_PROPER: 'Fit and proper' };
const ESCALATION_LABEL = {
  CRITICAL_UNACKNOWLEDGED: 'Escalated: critical, not acknowledged in time',
  DEADLINE_NEAR: 'Escalated: deadline near',
  DEADLINE_PASSED: 'Escalated: deadline passed'
};
const WRITERS = ['compliance-officer', 'mlro', 'admin'];
const ASTANA = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

const state = {
  token: null,
  claims: {},
  config: { reportBaseUrls: {} },
  alerts: new Map(),
  rows: new Map(),
  stream: null,
  retry: 1000
};

const $ = (id) => document.getElementById(id);

document.addEventListener('DOMContentLoaded', start);

async function start() {
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    useToken($('token-input').value.trim().replace(/^Bearer\s+/i, ''));
  });
  $('forget-token').addEventListener('click', forgetToken);
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
    state.config = { reportBaseUrls: {} };
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

function useToken(token) {
  const claims = decodeClaims(token);
  if (!claims) {
    showTokenPanel('That is not a JSON Web Token.');
    return;
  }
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    showTokenPanel('That token has expired; ask for a new one.');
    return;
  }
  state.token = token;
  state.claims = claims;
  state.alerts.clear();
  state.rows.clear();
  const firmSelect = $('firm-filter');
  firmSelect.disabled = false;
  firmSelect.replaceChildren(new Option('All firms', ''));
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token-panel').hidden = true;
  $('desk').hidden = false;
  $('forget-token').hidden = false;
  const roles = claims.groups || [];
  $('identity').textContent = (claims.upn || claims.sub || 'signed in') + ' · ' + roles.join(', ');
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

function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.stream) state.stream.abort();
  state.token = null;
  state.alerts.clear();
  $('desk').hidden = true;
  $('forget-token').hidden = true;
  $('identity').textContent = 'Not signed in';
  setConnection('offline', 'Offline');
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
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token, Accept: 'application/json' }, options.headers || {});
  return fetch(path, Object.assign({}, options, { headers }));
}

// ---- live stream ---------------------------------------------------------------------------------------------

async function connect() {
  if (state.stream) state.stream.abort();
  const controller = new AbortController();
  state.stream = controller;
  setConnection('offline', 'Connecting…');
  try {
    const response = await api('/alerts/stream', { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (response.status === 401 || response.status === 403) {
      const problem = await response.json().catch(() => ({}));
      setConnection('offline', 'Not allowed');
      showTokenPanel(problem.detail || 'This token may not read alerts.');
      return;
    }
    if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
    await readEvents(response.body, controller);
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  if (controller.signal.aborted || !state.token) return;
  setConnection('offline', 'Reconnecting…');
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
    setConnection('live', 'Live');
    loadAlerts();
  } else if (name === 'alert' && data.length) {
    const notification = JSON.parse(data.join('\n'));
    if (merge(notification.alert)) {
      render(notification.alert.alertId);
      announce(notification);
    }
  }
}

function setConnection(stateName, text) {
  const el = $('connection');
  el.dataset.state = stateName;
  el.textContent = text;
}

// ---- data ------------------------------------------------------------------------------------------------------

async function loadAlerts() {
  const items = [];
  for (let page = 0; page < 20; page++) {
    const response = await api('/alerts?status=OPEN,ACKNOWLEDGED&size=500&page=' + page);
    if (!response.ok) {
      announceText('Could not load alerts (HTTP ' + response.status + ').');
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
  if (!state.token) return;
  state.rows.clear();
  render();
}

function row(a, changed) {
  const tr = document.createElement('tr');
  tr.dataset.alertId = a.alertId;
  tr.dataset.status = a.status;
  if (changed) tr.className = 'changed';

  const sev = cell(tr);
  const badge = el('span', 'sev sev-' + a.severity, SEVERITY_LABEL[a.severity] || a.severity);
  sev.append(badge);

  const what = cell(tr);
  what.append(el('span', 'alert-title', a.title));
  const withheld = a.withheld || [];
  what.append(el('span', 'meta', withheld.includes('detail') ? 'Details of an AML alert are for the MLRO' : a.detail));
  what.append(el('span', 'meta', `${DUTY_LABEL[a.duty] || a.duty} · ${a.ruleId} · ${a.citation || ''} · ${a.alertId}`));

  cell(tr, a.firmId).className = 'firm';

  const deadline = cell(tr);
  if (a.regulatoryDeadline) {
    const due = Date.parse(a.regulatoryDeadline);
    const left = due - Date.now();
    const when = el('time', left < 0 ? 'overdue' : left < 86400000 ? 'soon' : '', ASTANA.format(due));
    when.dateTime = a.regulatoryDeadline;
    deadline.append(when);
    deadline.append(el('span', left < 0 ? 'meta overdue' : 'meta', left < 0 ? 'overdue by ' + span(-left) : 'in ' + span(left)));
    if (a.deadlineBasis) deadline.append(el('span', 'meta', a.deadlineBasis));
  } else {
    deadline.append(el('span', 'meta', 'no regulatory deadline'));
  }

  const status = cell(tr);
  status.append(el('span', 'status', a.status === 'ACKNOWLEDGED' ? 'Acknowledged' : 'Open'));
  if (a.acknowledgedBy) {
    status.append(el('span', 'meta', `by ${a.acknowledgedBy}, ${ASTANA.format(Date.parse(a.acknowledgedAt))}`));
  }
  if (a.escalationReason) {
    status.append(el('span', 'escalated', ESCALATION_LABEL[a.escalationReason] || 'Escalated'));
  }

  const report = cell(tr);
  const links = Object.entries(a.links || {});
  if (links.length) {
    for (const [name, path] of links) {
      const base = (state.config.reportBaseUrls || {})[a.duty] || '';
      const link = el('a', '', name === 'report' ? 'Drafted report' : name);
      link.href = base + path;
      link.target = '_blank';
      link.rel = 'noopener';
      link.append(el('span', 'visually-hidden', ` for ${a.title} (${a.firmId}), opens in a new tab`));
      report.append(link, document.createElement('br'));
    }
  } else if (a.linksWithheld) {
    report.append(el('span', 'meta', 'Case and STR links are for the MLRO'));
  } else {
    report.append(el('span', 'meta', '—'));
  }

  const actions = cell(tr);
  if (canWrite()) {
    if (a.status === 'OPEN') actions.append(actionButton('acknowledge', 'Acknowledge', a));
    actions.append(actionButton('resolve', 'Resolve…', a, 'secondary'));
  } else {
    actions.append(el('span', 'meta', 'read only'));
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
    li.append(el('strong', '', String(alerts.filter((a) => a.severity === s).length)), SEVERITY_LABEL[s]);
    return li;
  }));
}

function renderFirmOptions() {
  const select = $('firm-filter');
  if (select.disabled) return;
  const firms = [...new Set([...state.alerts.values()].filter((a) => a.status !== 'RESOLVED').map((a) => a.firmId))].sort();
  const current = select.value;
  const have = [...select.options].map((o) => o.value).filter(Boolean);
  if (have.join() === firms.join()) return;
  select.replaceChildren(new Option('All firms', ''), ...firms.map((f) => new Option(f, f)));
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
    pick.append(el('span', 'visually-hidden', ': show only this firm\'s alerts'));
    name.append(pick);
    tr.append(name);
    for (const s of SEVERITIES) cell(tr, String(f[s])).className = 'num';
    const overdue = cell(tr, String(f.overdue));
    overdue.className = f.overdue ? 'num overdue' : 'num';
    cell(tr, f.nearest === null ? '—' : `${ASTANA.format(f.nearest)} (in ${span(f.nearest - Date.now())})`);
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
  if (minutes < 60) return minutes + ' min';
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours + ' h';
  return Math.round(hours / 24) + ' days';
}

function announce(n) {
  const words = { RAISED: 'New alert', UPDATED: 'Alert updated', REOPENED: 'Alert reopened', ACKNOWLEDGED: 'Alert acknowledged',
    RESOLVED: 'Alert resolved', ESCALATED: 'Alert escalated' };
  announceText(`${words[n.change] || 'Alert changed'}: ${n.alert.title}, ${n.alert.firmId}, ${SEVERITY_LABEL[n.alert.severity]}`);
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
    await applyAnswer(response, 'Acknowledged');
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
    $('resolve-error').textContent = 'Give the reason the alert is closed.';
    return;
  }
  const response = await api('/alerts/' + encodeURIComponent(dialog.dataset.alertId) + '/resolve', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason })
  });
  if (response.ok) {
    dialog.close();
    await applyAnswer(response, 'Resolved');
    $('alerts-heading').focus();
  } else {
    const problem = await response.json().catch(() => ({}));
    $('resolve-error').textContent = problem.detail || 'Could not resolve (HTTP ' + response.status + ').';
  }
}

async function applyAnswer(response, verb) {
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    if (merge(body)) render(body.alertId);
    announceText(`${verb}: ${body.title}, ${body.firmId}`);
  } else {
    announceText(body.detail || `Could not change the alert (HTTP ${response.status}).`);
    render();
  }
}
