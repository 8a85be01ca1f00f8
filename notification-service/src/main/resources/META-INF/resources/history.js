// The desk's History view (#17.4): every alert, resolved ones too, searched on the server (GET /alerts with the form's
// filters, paged), an alert's timeline from the audit log (GET /alerts/{id}/timeline) opened under its row, and the
// same view exported as CSV (GET /alerts/export). Uses the desk's api(), t(), astana(), el() and cell() (app.js), so
// the caller's session, language and Astana time are the desk's; the server applies roles, firm scoping and the
// AML view, the page only shows what it is given.
'use strict';

const HISTORY_PAGE_SIZE = 25;
/** The choices of the form's lists (after their "all" option), each worded by the desk's key prefix + value. */
const HISTORY_CHOICES = {
  'history-duty': ['duty.', ['CAPITAL', 'AML', 'FIT_AND_PROPER']],
  'history-severity': ['sev.', SEVERITIES],
  'history-status': ['status.', ['OPEN', 'ACKNOWLEDGED', 'RESOLVED']]
};
const historyView = { query: null, page: 0, body: null, timelines: new Map() };

document.addEventListener('DOMContentLoaded', historyStart);

function historyStart() {
  for (const [id, [prefix, values]] of Object.entries(HISTORY_CHOICES)) {
    $(id).append(...values.map((value) => {
      const option = new Option(t(prefix + value), value);
      option.dataset.i18n = prefix + value;
      return option;
    }));
  }
  $('history-form').addEventListener('submit', (e) => {
    e.preventDefault();
    historySearch(0);
  });
  $('history-export').addEventListener('click', historyExport);
  $('history-previous').addEventListener('click', () => historySearch(historyView.page - 1));
  $('history-next').addEventListener('click', () => historySearch(historyView.page + 1));
  $('history-rows').addEventListener('click', historyToggleTimeline);
  $('language').addEventListener('change', historyRelabel);
  // The desk shows itself once someone signs in: a firm-scoped user's firm is then fixed in the form.
  new MutationObserver(historyOnDesk).observe($('desk'), { attributes: true, attributeFilter: ['hidden'] });
  historyRelabel();
}

/** Signed out: nothing of the last user's search stays on the page. */
function historyOnDesk() {
  if ($('desk').hidden) {
    historyView.query = null;
    historyView.page = 0;
    historyView.body = null;
    historyView.timelines.clear();
    $('history-form').reset();
    $('history-note').textContent = '';
    $('history-error').textContent = '';
    historyRender();
  }
  historyOwnFirm();
}

/** A firm-scoped user searches its own firm only (the server holds it to that too). */
function historyOwnFirm() {
  const claims = (typeof state !== 'undefined' && state.claims) || {};
  const roles = claims.groups || [];
  const everyFirm = roles.includes('regulator') || roles.includes('admin');
  const input = $('history-firm');
  input.readOnly = !everyFirm && Boolean(claims.firm_id);
  if (input.readOnly) input.value = claims.firm_id;
  else if (input.dataset.fixed) input.value = '';
  input.dataset.fixed = input.readOnly ? 'yes' : '';
}

/** The form as query parameters: only what is filled in. */
function historyParameters() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('history-form'))) {
    const v = String(value).trim();
    if (v) params.append(name, v);
  }
  return params;
}

async function historySearch(page) {
  historyOwnFirm();
  const query = page === 0 || !historyView.query ? historyParameters() : historyView.query;
  const params = new URLSearchParams(query);
  params.set('page', String(Math.max(page, 0)));
  params.set('size', String(HISTORY_PAGE_SIZE));
  $('history-error').textContent = '';
  const response = await api('/alerts?' + params);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $('history-error').textContent = problem.detail || t('history.error', response.status);
    return;
  }
  historyView.query = query;
  historyView.page = Math.max(page, 0);
  historyView.body = await response.json();
  historyView.timelines.clear();
  historyRender();
}

function historyRender() {
  const body = historyView.body;
  const rows = $('history-rows');
  if (!body) {
    rows.replaceChildren();
    $('history-empty').hidden = true;
    $('history-range').textContent = '';
    $('history-previous').disabled = true;
    $('history-next').disabled = true;
    return;
  }
  rows.replaceChildren(...body.items.flatMap((a) => {
    const open = historyView.timelines.get(a.alertId);
    return open ? [historyRow(a, true), historyTimelineRow(a.alertId, open)] : [historyRow(a, false)];
  }));
  $('history-empty').hidden = body.items.length > 0;
  const first = body.page * body.size;
  $('history-range').textContent = body.total
    ? t('history.range', first + 1, first + body.items.length, body.total) : '';
  $('history-previous').disabled = body.page === 0;
  $('history-next').disabled = first + body.items.length >= body.total;
}

function historyRow(a, expanded) {
  const tr = document.createElement('tr');
  tr.dataset.historyId = a.alertId;
  tr.dataset.status = a.status;
  const detected = cell(tr);
  const time = el('time', '', astana(Date.parse(a.detectedAt)));
  time.dateTime = a.detectedAt;
  detected.append(time);
  cell(tr).append(el('span', 'sev sev-' + a.severity, t('sev.' + a.severity)));
  const what = cell(tr);
  what.append(el('span', 'alert-title', a.title));
  what.append(el('span', 'meta', `${t('duty.' + a.duty)} · ${a.ruleId} · ${a.alertId}`));
  cell(tr, a.firmId).className = 'firm';
  const status = cell(tr);
  status.append(el('span', 'status', t('status.' + a.status)));
  if (a.resolvedBy) {
    status.append(el('span', 'meta', t('history.resolvedBy', a.resolvedBy, astana(Date.parse(a.resolvedAt)))));
  } else if (a.acknowledgedBy) {
    status.append(el('span', 'meta', t('by', a.acknowledgedBy, astana(Date.parse(a.acknowledgedAt)))));
  }
  const button = el('button', 'secondary', t(expanded ? 'history.hideTimeline' : 'history.showTimeline'));
  button.type = 'button';
  button.dataset.timeline = a.alertId;
  button.setAttribute('aria-expanded', String(expanded));
  button.append(el('span', 'visually-hidden', ` ${a.title}, ${a.firmId}`));
  cell(tr).append(button);
  return tr;
}

function historyTimelineRow(alertId, timeline) {
  const tr = document.createElement('tr');
  tr.className = 'timeline-row';
  tr.dataset.timelineOf = alertId;
  const td = cell(tr);
  td.colSpan = 6;
  const list = el('ol', 'timeline');
  for (const step of timeline.steps) {
    const li = el('li', '');
    li.dataset.event = step.event;
    const when = el('time', '', astana(Date.parse(step.at)));
    when.dateTime = step.at;
    li.append(when, ' · ', el('span', 'event', t('event.' + step.event)), ' · ',
      `${step.actor}${step.actorKind ? ' (' + t('actor.' + step.actorKind) + ')' : ''}`);
    const why = historyReason(step);
    if (why) li.append(' — ', el('span', 'reason', why));
    list.append(li);
  }
  if (timeline.truncated) td.append(el('p', 'meta', t('history.truncated')));
  td.append(list);
  return tr;
}

/** Why, in the desk's language where the desk knows the words; a withheld reason says whose it is. */
function historyReason(step) {
  if (step.reasonWithheld) return t('history.withheld');
  if (step.event === 'ESCALATED' && step.escalationReason && I18N.en['esc.' + step.escalationReason]) {
    return t('esc.' + step.escalationReason);
  }
  const severity = step.severity ? t('sev.' + step.severity) + ': ' : '';
  return step.reason ? severity + step.reason : '';
}

async function historyToggleTimeline(e) {
  const button = e.target.closest('button[data-timeline]');
  if (!button) return;
  const id = button.dataset.timeline;
  if (historyView.timelines.has(id)) {
    historyView.timelines.delete(id);
    historyRender();
    historyFocus(id);
    return;
  }
  const response = await api('/alerts/' + encodeURIComponent(id) + '/timeline');
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $('history-error').textContent = problem.detail || t('history.timelineError', response.status);
    return;
  }
  historyView.timelines.set(id, await response.json());
  historyRender();
  historyFocus(id);
}

function historyFocus(id) {
  const again = $('history-rows').querySelector(`button[data-timeline="${CSS.escape(id)}"]`);
  if (again) again.focus();
}

/** Downloads the view on screen (the last search's filters, every page) as the server's CSV. */
async function historyExport() {
  const params = historyView.query || historyParameters();
  $('history-error').textContent = '';
  $('history-note').textContent = t('history.exporting');
  const response = await api('/alerts/export?' + params, { headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $('history-note').textContent = '';
    $('history-error').textContent = problem.detail || t('history.exportError', response.status);
    return;
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'alerts.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  const rows = response.headers.get('X-Total-Count') || '0';
  const status = $('history-note');
  status.dataset.exportedRows = rows;
  status.dataset.exportedFile = name;
  status.textContent = t('history.exported', rows);
}

/** The language changed (app.js has put the fixed texts in it): the placeholder and the results follow. */
function historyRelabel() {
  for (const node of document.querySelectorAll('#history [data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  historyRender();
}
