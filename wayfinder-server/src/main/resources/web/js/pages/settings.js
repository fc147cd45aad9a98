// Settings: sources and their write keys, surveys, journey definitions (form or YAML/JSON), users.
import { get, post, put, del, optional, currentSession } from '../api.js';
import { h, when, notice, card, table, loading } from '../ui.js';

export async function render(main, _args, current) {
  loading(main, 'Settings');
  const me = await currentSession();
  const admin = me.role === 'admin';
  const [sources, surveys, journeys, users] = await Promise.all([get('/api/sources'), optional('/api/surveys'),
    optional('/api/journeys'), admin ? get('/api/users') : null]);
  if (!current()) return;
  const again = () => render(main, [], current);
  main.replaceChildren(h('h1', {}, 'Settings'), h('div', { class: 'grid' },
    sourcesCard(sources, admin, again), usersCard(users, me, again), surveysCard(surveys), journeysCard(journeys, admin, again)));
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
  const list = table('Sources send events to /v1 with their write key', [{ key: 'name', label: 'Source' }, { key: 'channel', label: 'Channel' },
    { key: 'writeKey', label: 'Write key', cell: (r) => h('code', {}, r.writeKey) }, { key: 'createdAt', label: 'Created', fmt: when }], sources);
  if (!admin) return card('Sources and write keys', list);
  return card('Sources and write keys', list, ...form('new-source', [['name', 'Name'], ['channel', 'Channel', { options: ['web', 'app', 'store', 'call_centre', 'email', 'partner', 'review'] }]],
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
