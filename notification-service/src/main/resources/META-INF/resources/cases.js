// The MLRO's case desk: a firm's suspicious-activity cases with the overdue-decision clock, one case with its
// transactions, rules and timeline, the decision (FILE_STR / NO_STR with reasons), and the STR draft and AFSA notice
// opened for printing in Russian, Kazakh or English. aml-service is reached only through notification-service's
// forwarding endpoint /upstream/aml/<path>, with the browser's session (and the desk's bearer token when one is kept
// in this tab). The language is the one the alert desk remembers (i18n.js, localStorage aifc.language).
'use strict';

const CASES_TOKEN_KEY = 'aifc.token';
const UPSTREAM = '/upstream/aml';

const desk = { language: 'en', claims: {}, firm: '', cases: [], current: null, timer: null };

function el(id) {
  return document.getElementById(id);
}

/** The case desk's text for a key in the chosen language (English where a translation is missing). */
function tc(key, ...args) {
  return translate(CASES_I18N, desk.language, key, args);
}

/** The claims of the bearer token this tab keeps, if any (the firm and roles; the token is checked by the services). */
function tokenClaims() {
  const token = sessionStorage.getItem(CASES_TOKEN_KEY);
  if (!token) return {};
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

function setLanguage(language) {
  desk.language = CASES_I18N[language] ? language : 'en';
  saveLanguage(desk.language, desk.claims);
  applyCasesLanguage();
}

function applyCasesLanguage() {
  document.documentElement.lang = desk.language;
  el('language').value = desk.language;
  document.title = tc('title');
  for (const node of document.querySelectorAll('[data-c]')) node.textContent = tc(node.dataset.c);
  renderCases();
  if (desk.current) renderCase(desk.current);
}

// ---- formatting (Astana time, grouped amounts) ------------------------------------------------------------------

function locale() {
  return (typeof LOCALES !== 'undefined' && LOCALES[desk.language]) || 'en-GB';
}

/** A moment (ISO 8601) in Astana time in the chosen language; '' when absent. */
function astanaTime(iso) {
  return iso ? formatAstana(Date.parse(iso), desk.language) : '';
}

/** A plain decimal with grouped digits in the chosen language ("9,500.50" / "9 500,50"); '' when absent. */
function amount(plain, minDigits = 2) {
  if (plain === null || plain === undefined || plain === '') return '';
  const decimals = String(plain).includes('.') ? String(plain).split('.')[1].length : 0;
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(minDigits, Math.min(decimals, 8)) }).format(Number(plain));
}

function span(ms) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  if (minutes < 120) return tc('unit.min', minutes);
  const hours = Math.round(minutes / 60);
  return hours < 48 ? tc('unit.h', hours) : tc('unit.days', Math.round(hours / 24));
}

/** The overdue-decision clock of a case: a text and a class (overdue, soon or none). */
function clock(c) {
  if (c.status !== 'OPEN') return { text: tc('decided', astanaTime(c.decidedAt)), cls: '' };
  if (!c.decisionDueAt) return { text: '', cls: '' };
  const left = Date.parse(c.decisionDueAt) - Date.now();
  if (left < 0 || c.overdue) return { text: tc('overdueBy', span(left)), cls: 'overdue' };
  return { text: tc('dueIn', span(left)), cls: left < 4 * 3600000 ? 'soon' : '' };
}

// ---- aml-service through the forwarding endpoint ----------------------------------------------------------------

/** GET or POST an aml-service path through /upstream/aml, JSON in and out; the answer's status and body. */
async function aml(path, body) {
  // X-Requested-With: an ended session answers 499 (shown as "sign in first") instead of a redirect fetch cannot follow.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'JavaScript' };
  const token = sessionStorage.getItem(CASES_TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  const init = { credentials: 'same-origin', headers };
  if (body !== undefined) {
    init.method = 'POST';
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(UPSTREAM + path, init);
  } catch (e) {
    return { status: 0, body: null };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  return { status: response.status, body: data };
}

/** The message for a refused or failed call: sign in, tipping-off refusal, the problem's own words, or the status. */
function failure(result, key) {
  if (result.status === 0) return tc('error.network');
  if (result.status === 401 || result.status === 499) return tc('error.signIn');
  if (result.status === 403) return tc('error.refused');
  if (result.status === 409) return tc('error.already');
  const p = result.body || {};
  const fields = (p.errors || []).map((e) => (e.field ? e.field + ': ' : '') + (e.message || '')).join('; ');
  return tc(key, result.status) + (fields ? ' ' + fields : p.detail ? ' ' + p.detail : '');
}

/** Opens a printable document of the current case (STR draft or AFSA notice) in a new tab, in one language. */
function openDocument(kind, lang) {
  if (!desk.current) return;
  const path = `${UPSTREAM}/cases/${encodeURIComponent(desk.current.caseId)}/${kind}?lang=${lang}`;
  window.open(path, '_blank', 'noopener');
}

// ---- the list of cases ------------------------------------------------------------------------------------------

async function loadCases(event) {
  if (event) event.preventDefault();
  const firm = el('firm').value.trim();
  el('desk-error').textContent = '';
  if (!firm) {
    el('desk-error').textContent = tc('error.firm');
    return;
  }
  desk.firm = firm;
  const status = el('status').value;
  const query = new URLSearchParams({ limit: '200' });
  if (status) query.set('status', status);
  const result = await aml(`/firms/${encodeURIComponent(firm)}/cases?${query}`);
  if (result.status !== 200) {
    desk.cases = [];
    renderCases();
    el('desk-error').textContent = failure(result, 'error.load');
    return;
  }
  desk.cases = Array.isArray(result.body) ? result.body : [];
  renderCases();
  const url = new URL(window.location.href);
  url.searchParams.set('firm', firm);
  history.replaceState(null, '', url);
}

function renderCases() {
  const rows = el('case-rows');
  rows.replaceChildren();
  el('no-cases').hidden = desk.cases.length > 0 || !desk.firm;
  for (const c of desk.cases) {
    const tr = document.createElement('tr');
    const first = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = tc('customer', c.customerId);
    button.setAttribute('aria-label', tc('open') + ': ' + tc('customer', c.customerId));
    button.addEventListener('click', () => loadCase(c.caseId));
    first.append(button);
    const state = document.createElement('td');
    state.textContent = tc('status.' + c.status);
    const opened = document.createElement('td');
    opened.textContent = astanaTime(c.openedAt);
    const due = document.createElement('td');
    const k = clock(c);
    due.textContent = k.text;
    if (k.cls) due.className = k.cls;
    const fired = document.createElement('td');
    fired.textContent = (c.ruleIds || []).join(', ');
    if (c.rules) fired.title = c.rules.map((r) => `${r.ruleId}: ${r.title}`).join('\n');
    const usd = document.createElement('td');
    usd.className = 'num';
    usd.textContent = amount(c.amountUsd);
    tr.append(first, state, opened, due, fired, usd);
    if (desk.current && desk.current.caseId === c.caseId) tr.setAttribute('aria-current', 'true');
    rows.append(tr);
  }
}

// ---- one case ---------------------------------------------------------------------------------------------------

async function loadCase(caseId) {
  el('desk-error').textContent = '';
  const result = await aml(`/cases/${encodeURIComponent(caseId)}`);
  if (result.status !== 200) {
    el('desk-error').textContent = failure(result, 'error.case');
    return;
  }
  desk.current = result.body;
  renderCase(desk.current);
  renderCases();
  const url = new URL(window.location.href);
  url.searchParams.set('case', caseId);
  history.replaceState(null, '', url);
  el('case-heading').focus();
}

function addTerm(list, key, value, cls) {
  if (value === null || value === undefined || value === '') return;
  const dt = document.createElement('dt');
  dt.textContent = tc(key);
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (cls) dd.className = cls;
  list.append(dt, dd);
}

function renderCase(c) {
  el('case-view').hidden = false;
  el('case-heading').textContent = tc('customer', c.customerId) + ' — ' + tc('status.' + c.status);
  const summary = el('case-summary');
  summary.replaceChildren();
  addTerm(summary, 'sum.customer', c.customerId);
  addTerm(summary, 'sum.status', tc('status.' + c.status));
  addTerm(summary, 'sum.opened', astanaTime(c.openedAt));
  const k = clock(c);
  addTerm(summary, 'sum.due', c.status === 'OPEN' ? `${astanaTime(c.decisionDueAt)} (${k.text})` : '', k.cls);
  addTerm(summary, 'sum.amount', amount(c.amountUsd));
  addTerm(summary, 'sum.decidedAt', astanaTime(c.decidedAt));
  addTerm(summary, 'sum.decidedBy', c.decidedBy);
  addTerm(summary, 'sum.reasons', c.decisionReasons);

  const rules = el('case-rules');
  rules.replaceChildren();
  for (const r of c.rules || (c.ruleIds || []).map((id) => ({ ruleId: id }))) {
    const li = document.createElement('li');
    li.textContent = r.ruleId + (r.title ? ' — ' + r.title : '') + (r.citation ? ` (${r.citation})` : '');
    rules.append(li);
  }

  const txs = el('case-transactions');
  txs.replaceChildren();
  for (const tx of c.transactions || []) {
    const tr = document.createElement('tr');
    const cells = [tx.transactionId, astanaTime(tx.occurredAt), tc('dir.' + tx.direction),
      tx.amount ? `${amount(tx.amount)} ${tx.asset || ''}`.trim() : '', amount(tx.amountUsd), amount(tx.amountKzt),
      tx.counterparty || ''];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i >= 3 && i <= 5) td.className = 'num';
      tr.append(td);
    });
    txs.append(tr);
  }
  if (!(c.transactions || []).length) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 7;
    td.textContent = tc('tx.none');
    tr.append(td);
    txs.append(tr);
  }

  const timeline = el('case-timeline');
  timeline.replaceChildren();
  for (const e of c.timeline || []) {
    const li = document.createElement('li');
    const when = document.createElement('time');
    when.dateTime = e.at;
    when.textContent = astanaTime(e.at);
    const what = document.createElement('strong');
    what.textContent = tc('ev.' + e.event) + (e.ruleId ? ` (${e.ruleId})` : '');
    li.append(when, ' ', what);
    if (e.actor) li.append(' ', tc('by', e.actor));
    for (const [key, value] of [['reasons', e.reasons], ['reference', e.reference]]) {
      if (value) {
        const note = document.createElement('span');
        note.className = 'meta';
        note.textContent = tc(key, value);
        li.append(note);
      }
    }
    timeline.append(li);
  }

  const roles = desk.claims.groups || [];
  // Only the firm's MLRO decides; without a token in this tab the service itself refuses anyone else.
  el('decision-form').hidden = c.status !== 'OPEN' || (roles.length > 0 && !roles.includes('mlro'));
}

async function decide(event) {
  event.preventDefault();
  const form = el('decision-form');
  const choice = form.querySelector('input[name="decision"]:checked');
  const reasons = el('reasons').value.trim();
  el('decision-error').textContent = '';
  if (!choice) {
    el('decision-error').textContent = tc('decision.choose');
    return;
  }
  if (!reasons) {
    el('decision-error').textContent = tc('decision.giveReasons');
    el('reasons').focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  const result = await aml(`/cases/${encodeURIComponent(desk.current.caseId)}/decision`,
    { decision: choice.value, reasons });
  button.disabled = false;
  if (result.status !== 200) {
    el('decision-error').textContent = failure(result, 'error.decide');
    return;
  }
  el('reasons').value = '';
  desk.current = result.body;
  // The list first: loading it clears the page's message line, which must then say that the decision is recorded.
  await loadCases();
  renderCase(desk.current);
  el('desk-error').textContent = tc('decision.done');
}

// ---- start ------------------------------------------------------------------------------------------------------

/**
 * Who is at the desk: the signed-in session's person (GET /me: roles and firm from the identity provider's token), or
 * else the claims of the bearer token this tab keeps (an installation without an identity provider).
 */
async function whoIsHere() {
  try {
    const response = await fetch('/me', { credentials: 'same-origin',
      headers: { 'X-Requested-With': 'JavaScript', Accept: 'application/json' } });
    const me = response.ok ? await response.json() : {};
    if (me.signedIn && me.session) return { upn: me.name, groups: me.roles || [], firm_id: me.firmId };
  } catch (e) {
    // no session: the token, if any
  }
  return tokenClaims();
}

document.addEventListener('DOMContentLoaded', async () => {
  desk.claims = await whoIsHere();
  desk.language = savedLanguage(CASES_I18N, desk.claims);
  el('language').addEventListener('change', (e) => setLanguage(e.target.value));
  el('case-filters').addEventListener('submit', loadCases);
  el('decision-form').addEventListener('submit', decide);
  for (const button of document.querySelectorAll('button[data-doc]')) {
    button.addEventListener('click', () => openDocument(button.dataset.doc, button.dataset.lang));
  }
  const params = new URLSearchParams(window.location.search);
  el('firm').value = params.get('firm') || desk.claims.firm_id || '';
  applyCasesLanguage();
  // The clock moves on its own.
  desk.timer = setInterval(() => {
    renderCases();
    if (desk.current) renderCase(desk.current);
  }, 30000);
  if (el('firm').value) {
    loadCases().then(() => {
      if (params.get('case')) loadCase(params.get('case'));
    });
  }
});
