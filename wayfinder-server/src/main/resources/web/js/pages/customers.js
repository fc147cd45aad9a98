// Customers: search, and one customer's profile: identities, journeys, timeline across channels,
// feedback and value.
import { get, optional, qs } from '../api.js';
import { h, num, when, day, notice, card, table, loading } from '../ui.js';
import { chartCard } from '../charts.js';

let lastQuery = '';

export async function render(main, args, current) {
  if (args[0]) return profile(main, args[0], current);
  loading(main, 'Customers');
  const input = h('input', { id: 'q', type: 'search', value: lastQuery, placeholder: 'user id, e-mail, name or number' });
  const results = h('div', { id: 'results' });
  const search = async () => {
    lastQuery = input.value;
    const data = await get('/api/web/customers' + qs({ q: input.value, limit: 100 }));
    if (!current()) return;
    results.replaceChildren(data.customers.length ? table((input.value ? 'Matches' : 'Most active customers') + ' (' + data.customers.length + ')', [
      { key: 'id', label: 'Customer', cell: (r) => h('a', { href: '#/customers/' + r.id }, r.name || r.userId || ('#' + r.id)) },
      { key: 'userId', label: 'User id' }, { key: 'email', label: 'E-mail' },
      { key: 'events', label: 'Events', num: true, fmt: (v) => num(v) }, { key: 'lastSeen', label: 'Last seen', fmt: when }], data.customers)
      : notice('No customer matches “' + input.value + '”.'));
  };
  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); search(); } },
    h('div', {}, h('label', { for: 'q' }, 'Find a customer'), input), h('button', { type: 'submit', class: 'primary' }, 'Search'));
  main.replaceChildren(h('h1', {}, 'Customers'), form, results);
  await search();
}

async function profile(main, ref, current) {
  loading(main, 'Customer');
  const p = await optional('/api/profiles/' + encodeURIComponent(ref) + '?timeline=300');
  if (!current()) return;
  if (!p) { main.replaceChildren(h('h1', {}, 'Customer'), notice('No customer “' + ref + '”.')); return; }
  const [journeys, feedback] = await Promise.all([get('/api/web/customers/' + p.id + '/journeys'),
    get('/api/web/feedback' + qs({ customer: p.id, limit: 50 }))]);
  const value = p.predictions;
  if (!current()) return;
  const name = p.traits.name || p.userId || ('#' + p.id);
  const channels = Object.entries(p.eventsByChannel || {}).map(([channel, events]) => ({ channel, events }));
  main.replaceChildren(h('h1', {}, name), h('p', {}, h('a', { href: '#/customers' }, '← All customers')), h('div', { class: 'grid' },
    card('Identity', h('dl', { class: 'kv' }, h('dt', {}, 'Customer number'), h('dd', {}, p.id), h('dt', {}, 'User id'), h('dd', {}, p.userId || '–'),
      h('dt', {}, 'First seen'), h('dd', {}, when(p.firstSeen)), h('dt', {}, 'Last seen'), h('dd', {}, when(p.lastSeen)),
      h('dt', {}, 'Events'), h('dd', {}, num(p.eventCount)),
      ...Object.entries(p.traits).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))]),
      ...Object.entries(p.consent || {}).flatMap(([k, v]) => [h('dt', {}, 'consent: ' + k), h('dd', {}, String(v))])),
      table('Identifiers', [{ key: 'kind', label: 'Kind' }, { key: 'value', label: 'Value' }], p.identities || [])),
    valueCard(value),
    chartCard('Events by channel', 'events of this customer per channel', {
      grid: { left: 90, right: 20, top: 10, bottom: 30 }, tooltip: {}, xAxis: { type: 'value' },
      yAxis: { type: 'category', data: channels.map((c) => c.channel) }, series: [{ type: 'bar', data: channels.map((c) => c.events), barMaxWidth: 24 }] },
      [{ key: 'channel', label: 'Channel' }, { key: 'events', label: 'Events', num: true }], channels),
    h('section', { class: 'card wide', 'aria-label': 'Journeys' }, h('h2', {}, 'Journeys'), journeys.journeys.length ? table('Journeys of this customer', [
      { key: 'journey', label: 'Journey', cell: (r) => h('a', { href: '#/journeys/' + encodeURIComponent(r.journey) }, r.journey) },
      { key: 'events', label: 'Events', num: true }, { key: 'first', label: 'First', fmt: day }, { key: 'last', label: 'Last', fmt: day },
      { key: 'lastStage', label: 'Latest stage' }, { key: 'lastEvent', label: 'Latest step' },
      { key: 'channels', label: 'Channels', fmt: (v) => (v || []).join(', ') }], journeys.journeys) : notice('No journey events.')),
    h('section', { class: 'card', 'aria-label': 'Timeline' }, h('h2', {}, 'Timeline across channels'),
      h('ol', { class: 'timeline', 'aria-label': 'Latest events first' }, (p.timeline || []).map((t) => h('li', {},
        h('div', { class: 'ch' }, when(t.ts || t.timestamp) + ' · ' + (t.channel || '–') + ' · ' + (t.type || '')),
        h('div', {}, t.name || t.event || t.touchpoint || t.type))))),
    card('Feedback', feedback.responses.length ? h('ul', { class: 'timeline' }, feedback.responses.map((f) => h('li', {},
      h('div', { class: 'ch' }, [day(f.at), f.survey, f.score == null ? null : `${String(f.scale).toUpperCase()} ${f.score}`].filter((x) => x != null).join(' · ')),
      f.comment ? h('q', {}, f.comment) : h('span', { class: 'muted' }, 'no comment')))) : notice('No survey answers or feedback.'))));
}

const VALUE_FIELDS = [['clv', 'CLV'], ['pAlive', 'P(alive)'], ['expectedPurchases', 'Expected purchases'],
  ['expectedSpend', 'Expected spend'], ['churnRisk', 'Churn risk'], ['valueSegment', 'Value segment']];

function valueCard(value) {
  if (!value) {
    return card('Value', notice('No predictions yet: run wayfinder clv fit and wayfinder churn train (or POST /api/clv/fit, /api/churn/train).'));
  }
  const rows = VALUE_FIELDS.filter(([k]) => value[k] !== null && value[k] !== undefined);
  return card('Value', h('dl', { class: 'kv' }, rows.flatMap(([k, label]) => [h('dt', {}, label),
    h('dd', {}, typeof value[k] === 'number' ? num(value[k], 2) : String(value[k]).replaceAll('_', ' '))])));
}
