// Settings: sources and their write keys, surveys, journey definitions (form or YAML/JSON), users.
import { get, post, put, del, optional, currentSession } from '../api.js';
import { h, when, notice, card, table, loading } from '../ui.js';
import { surveyBuilder } from './survey-builder.js';
import { forgetSettings } from '../settings-cache.js';

export async function render(main, _args, current) {
  loading(main, 'Settings');
  const me = await currentSession();
  const admin = me.role === 'admin';
  const [sources, surveys, journeys, users, settings, events] = await Promise.all([get('/api/sources'), optional('/api/surveys'),
    optional('/api/journeys'), admin ? get('/api/users') : null, optional('/api/settings'), optional('/api/web/events')]);
  if (!current()) return;
  const again = () => render(main, [], current);
  main.replaceChildren(h('h1', {}, 'Settings'), h('div', { class: 'grid' },
    wide(sourcesCard(sources, admin, again)), wide(surveysCard(surveys)), usersCard(users, me, again),
    currencyCard(settings, admin, again), builderCard(surveys, journeys, events, admin, again), journeysCard(journeys, admin, again)));
}

function form(id, fields, submitLabel, onSubmit) {
  const status = h('p', { class: 'error', role: 'alert' });
  const f = h('form', { id, class: 'toolbar', onsubmit: async (e) => {
    e.preventDefault();
    status.textContent = '';
    try { await onSubmit(Object.fromEntries(new FormData(f).entries()), status); } catch (err) { status.textContent = err.message; }
  } }, fields.map(([name, label, attrs]) => h('div', {}, h('label', { for: id + '-' + name }, label),
    attrs && attrs.options ? h('select', { id: id + '-' + name, name }, attrs.options.map((o) => h('option', { value: o }, o)))
      : h('input', Object.assign({ id: id + '-' + name, name, required: true }, attrs || {})))),
  h('button', { type: 'submit', class: 'primary' }, submitLabel));
  return [f, status];
}

function sourcesCard(sources, admin, again) {
  const shown = h('div', { id: 'signing-secret', role: 'status' });
  // The secret is shown once, here, for the site's backend to sign widget customer tokens (docs/voc.md).
  const secretButton = (r) => h('button', { type: 'button', class: 'link', onclick: async () => {
    if (!confirm('Make a new signing secret for ' + r.name + '? Any earlier one stops working at once.')) return;
    const s = await post('/api/sources/' + encodeURIComponent(r.id) + '/signing-secret', {});
    shown.replaceChildren(h('p', {}, 'Signing secret of ' + r.name + ' (shown only now; keep it in your backend, never in a page): ',
      h('code', {}, s.signingSecret)));
  } }, 'New signing secret');
  const list = table('Sources send events to /v1 with their write key', [{ key: 'name', label: 'Source' }, { key: 'channel', label: 'Channel' },
    { key: 'writeKey', label: 'Write key', cell: (r) => h('span', {}, h('code', {}, r.writeKey), copyButton(r)) }, { key: 'createdAt', label: 'Created', fmt: when },
    ...(admin ? [{ key: 'id', label: 'Widget', cell: secretButton }] : [])], sources);
  if (!admin) return card('Sources and write keys', list);
  return card('Sources and write keys', list, shown, ...form('new-source', [['name', 'Name'], ['channel', 'Channel', { options: ['web', 'app', 'store', 'call_centre', 'email', 'partner', 'review'] }]],
    'Add source', async (v) => { await post('/api/sources', v); again(); }));
}

function usersCard(users, me, again) {
  if (!users) return card('Users', notice('Only an admin manages users. You are signed in as ' + me.name + '.'));
  const rows = users.users;
  const list = table('People who can sign in', [{ key: 'name', label: 'User' }, { key: 'role', label: 'Role' },
    { key: 'createdAt', label: 'Added', fmt: when },
    { key: 'name', label: 'Actions', cell: (r) => h('span', {},
      h('button', { type: 'button', class: 'link', 'aria-label': 'Set password of ' + r.name, onclick: async () => {
        const pw = prompt('New password for ' + r.name + ' (at least 10 characters)');
        if (pw) { await put('/api/users/' + encodeURIComponent(r.name) + '/password', { password: pw }); if (r.name === me.name) location.reload(); }
      } }, 'Set password'), ' ',
      r.name === me.name ? null : h('button', { type: 'button', class: 'link', 'aria-label': 'Remove ' + r.name, onclick: async () => {
        if (confirm('Remove ' + r.name + '?')) { await del('/api/users/' + encodeURIComponent(r.name)); again(); }
      } }, 'Remove')) }], rows);
  return card('Users', list, ...form('new-user', [['name', 'User name'], ['password', 'Password', { type: 'password', minlength: 10, autocomplete: 'new-password' }],
    ['role', 'Role', { options: ['member', 'admin'] }]], 'Add user', async (v) => { await post('/api/users', v); again(); }));
}

function surveysCard(surveys) {
  if (!surveys) return card('Surveys', notice('No data yet: surveys (/api/surveys) are not available on this server. Survey answers imported as events still feed the KPIs.'));
  const rows = surveys.surveys || surveys;
  return card('Surveys', table('Surveys', [{ key: 'id', label: 'Id' }, { key: 'name', label: 'Name' }, { key: 'level', label: 'Level', fmt: (v) => (v == null ? '–' : String(v).toLowerCase()) },
    { key: 'journey', label: 'Journey' }, { key: 'touchpoint', label: 'Touchpoint' }], Array.isArray(rows) ? rows : []));
}

function journeysCard(journeys, admin, again) {
  if (!journeys) return card('Journey definitions', notice('No data yet: journey definitions (/api/journeys) are not available on this server.'));
  const editor = h('div');
  const list = table('Journeys: stages, entry and goal', [
    { key: 'name', label: 'Journey', cell: (r) => h('a', { href: '#/journeys/' + encodeURIComponent(r.id) }, r.name) },
    { key: 'owner', label: 'Owner' }, { key: 'stages', label: 'Stages', fmt: (v) => (v || []).map((s) => s.name).join(' → ') },
    { key: 'entryEvent', label: 'Entry' }, { key: 'goalEvent', label: 'Goal' }, { key: 'abandonAfter', label: 'Abandoned after' },
    { key: 'id', label: 'Edit', cell: (r) => admin ? h('button', { type: 'button', class: 'link', onclick: () => edit(editor, r, again) }, 'Edit ' + r.id) : '–' }],
  journeys.journeys);
  return h('section', { class: 'card wide', 'aria-label': 'Journey definitions' }, h('h2', {}, 'Journey definitions'), list,
    admin ? h('button', { type: 'button', onclick: () => edit(editor, null, again) }, 'New journey') : null, editor);
}

function edit(editor, j, again) {
  const d = j || { id: '', name: '', owner: '', stages: [{ name: 'recognize' }, { name: 'request' }, { name: 'respond' }, { name: 'repeat' }],
    entryEvent: '', goalEvent: '', abandonAfter: '30d' };
  const status = h('p', { class: 'error', role: 'alert' });
  const field = (k, label) => h('div', {}, h('label', { for: 'j-' + k }, label), h('input', { id: 'j-' + k, value: d[k] || '' }));
  const stages = h('input', { id: 'j-stages', value: d.stages.map((s) => s.name).join(', ') });
  const text = h('textarea', { id: 'j-json', rows: 14, cols: 80, spellcheck: 'false' }, JSON.stringify(d, null, 2));
  const save = async (body, type) => {
    const contentType = type === 'yaml' ? 'application/yaml' : 'application/json';
    try {
      if (j) await put('/api/journeys/' + encodeURIComponent(j.id), body, contentType);
      else await post('/api/journeys', body, contentType);
      again();
    } catch (e) { status.textContent = e.message; }
  };
  const formView = h('form', { class: 'toolbar', 'aria-label': 'Journey as a form', onsubmit: (e) => { e.preventDefault();
    const v = (k) => editor.querySelector('#j-' + k).value.trim();
    save({ ...d, id: v('id'), name: v('name'), owner: v('owner') || null, entryEvent: v('entryEvent'), goalEvent: v('goalEvent'), abandonAfter: v('abandonAfter'),
      stages: stages.value.split(',').map((s) => s.trim()).filter(Boolean).map((name) => (d.stages.find((s) => s.name === name) || { name })) }, 'json'); } },
  field('id', 'Id'), field('name', 'Name'), field('owner', 'Owner'), h('div', {}, h('label', { for: 'j-stages' }, 'Stages (in order, comma-separated)'), stages),
  field('entryEvent', 'Entry event'), field('goalEvent', 'Goal event'), field('abandonAfter', 'Abandoned after'),
  h('button', { type: 'submit', class: 'primary' }, 'Save form'));
  const textView = h('form', { 'aria-label': 'Journey as YAML or JSON', onsubmit: (e) => { e.preventDefault();
    const t = text.value.trim(); save(t, t.startsWith('{') ? 'json' : 'yaml'); } },
  h('label', { for: 'j-json' }, 'Or edit as YAML / JSON'), h('br'), text, h('br'), h('button', { type: 'submit' }, 'Save text'));
  editor.replaceChildren(h('h3', {}, j ? 'Edit ' + j.id : 'New journey'), formView, textView, status);
  editor.querySelector('input').focus();
}

/** Copies a write key; the clipboard API where the page is a secure context, else a selected text field. */
function copyButton(source) {
  const b = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy the write key of ' + source.name, 'data-key': source.writeKey }, 'Copy');
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.writeKey);
    } catch {
      const t = h('textarea', { readonly: true, style: 'position:absolute;left:-9999px' }, source.writeKey);
      document.body.append(t);
      t.select();
      document.execCommand('copy');
      t.remove();
    }
    b.textContent = 'Copied';
    setTimeout(() => { b.textContent = 'Copy'; }, 2000);
  });
  return b;
}

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD'];

function currencyCard(settings, admin, again) {
  if (!settings) return card('Currency', notice('This server has no settings API (/api/settings); amounts show in EUR.'));
  const shown = 'Amounts (CLV, value at stake) are shown in ' + settings.currency + '.';
  if (!admin) return card('Currency', h('p', {}, shown));
  const options = CURRENCIES.includes(settings.currency) ? CURRENCIES : [settings.currency, ...CURRENCIES];
  const sel = h('select', { id: 'currency', name: 'currency' }, options.map((c) => h('option', { value: c, selected: c === settings.currency }, c)));
  const status = h('p', { class: 'error', role: 'alert' });
  const f = h('form', { id: 'currency-form', class: 'toolbar', onsubmit: async (e) => {
    e.preventDefault();
    try { await put('/api/settings', { currency: sel.value }); forgetSettings(); again(); } catch (err) { status.textContent = err.message; }
  } }, h('div', {}, h('label', { for: 'currency' }, 'Currency'), sel), h('button', { type: 'submit', class: 'primary' }, 'Save currency'));
  return card('Currency', h('p', { id: 'currency-now' }, shown), f, status);
}

function builderCard(surveys, journeys, events, admin, again) {
  if (!surveys || !admin) return null;
  const names = ((events && events.events) || []).map((e) => e.name);
  return h('section', { class: 'card wide', 'aria-label': 'New survey' }, h('h2', {}, 'New survey'),
    h('p', { class: 'muted small' }, 'Customers answer on the hosted page (/s/…) or in the website widget; see docs/voc.md.'),
    surveyBuilder((journeys && journeys.journeys) || [], names, again));
}

/** Full width for a card whose table has long cells (write keys, survey titles), so nothing scrolls sideways. */
function wide(section) {
  section.classList.add('wide');
  return section;
}
