// The admin's Subscriptions panel: every webhook subscription with pause/resume and delete (after a confirmation).
// It keeps to itself: it shows when the desk opens for an admin (watching #desk and the address), re-renders on a
// language change, and uses app.js's state, api(), t(), astana() and announceText().
'use strict';

const subscriptions = { list: [] };

document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(showSubscriptionsPanel).observe($('desk'), { attributes: true, attributeFilter: ['hidden'] });
  // A token given in the address while the desk is open changes who is looking without hiding the desk.
  window.addEventListener('hashchange', () => setTimeout(showSubscriptionsPanel, 0));
  $('language').addEventListener('change', renderSubscriptions);
  $('subscription-rows').addEventListener('click', onSubscriptionAction);
  $('subscription-delete-cancel').addEventListener('click', () => $('subscription-delete-dialog').close());
  $('subscription-delete-form').addEventListener('submit', onSubscriptionDelete);
  showSubscriptionsPanel();
});

function isAdmin() {
  return Boolean(state.claims) && (state.claims.groups || []).includes('admin');
}

function showSubscriptionsPanel() {
  const show = !$('desk').hidden && isAdmin();
  $('subscriptions-panel').hidden = !show;
  if (show) loadSubscriptions();
}

async function loadSubscriptions() {
  const response = await api('/subscriptions');
  if (!response.ok) {
    $('subscriptions-error').textContent = t('subs.error.load', response.status);
    return;
  }
  $('subscriptions-error').textContent = '';
  subscriptions.list = await response.json();
  renderSubscriptions();
}

function renderSubscriptions() {
  if ($('subscriptions-panel').hidden) return;
  $('subscriptions-empty').hidden = subscriptions.list.length > 0;
  $('subscription-rows').replaceChildren(...subscriptions.list.map((s) => {
    const tr = document.createElement('tr');
    tr.dataset.subscriptionId = s.id;
    cell(tr, s.url).className = 'url';
    cell(tr, s.firmId || t('subs.everyFirm'));
    const filters = [...(s.duties || []).map((d) => t('duty.' + d)), ...(s.severities || []).map((v) => t('sev.' + v))];
    cell(tr, filters.length ? filters.join(', ') : t('subs.everything'));
    cell(tr, s.pausedAt ? t('subs.paused', astana(Date.parse(s.pausedAt)), s.pausedBy) : t('subs.active'));
    const actions = cell(tr);
    actions.append(subscriptionButton(s.pausedAt ? 'resume' : 'pause', s),
      subscriptionButton('delete', s, 'secondary'));
    return tr;
  }));
}

function subscriptionButton(action, s, className) {
  const b = el('button', className, t('subs.' + action));
  b.type = 'button';
  b.dataset.subscriptionAction = action;
  b.setAttribute('aria-label', `${t('subs.' + action)} ${s.url}`);
  return b;
}

async function onSubscriptionAction(e) {
  const button = e.target.closest('button[data-subscription-action]');
  if (!button) return;
  const id = button.closest('tr').dataset.subscriptionId;
  const action = button.dataset.subscriptionAction;
  if (action === 'delete') {
    const dialog = $('subscription-delete-dialog');
    dialog.dataset.subscriptionId = id;
    $('subscription-delete-url').textContent = subscriptions.list.find((s) => s.id === id).url;
    $('subscription-delete-error').textContent = '';
    dialog.showModal();
    return;
  }
  button.disabled = true;
  const response = await api('/subscriptions/' + encodeURIComponent(id) + '/' + action, { method: 'POST' });
  if (response.ok) {
    announceText(t(action === 'pause' ? 'subs.done.paused' : 'subs.done.resumed'));
  } else {
    $('subscriptions-error').textContent = t('subs.error', response.status);
  }
  await loadSubscriptions();
}

async function onSubscriptionDelete(e) {
  e.preventDefault();
  const dialog = $('subscription-delete-dialog');
  const response = await api('/subscriptions/' + encodeURIComponent(dialog.dataset.subscriptionId), { method: 'DELETE' });
  if (response.ok) {
    dialog.close();
    announceText(t('subs.done.deleted'));
    await loadSubscriptions();
    $('subscriptions-heading').focus();
  } else {
    $('subscription-delete-error').textContent = t('subs.error', response.status);
  }
}
