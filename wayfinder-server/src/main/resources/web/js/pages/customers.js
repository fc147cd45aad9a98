// Customers: search, and one customer's profile: identities, journeys, timeline across channels,
// feedback and value.
import { get, optional, qs } from '../api.js';
import { h, num, pct, when, day, notice, card, table, loading, money } from '../ui.js';
import { chartCard } from '../charts.js';

const PAGE = 50;

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
  const p = await optional('/api/profiles/' + encodeURIComponent(ref) + '?timeline=1');
  if (!current()) return;
  if (!p) { main.replaceChildren(h('h1', {}, 'Customer'), notice('No customer “' + ref + '”.')); return; }
  const [journeys, feedback, value, definitions] = await Promise.all([get('/api/web/customers/' + p.id + '/journeys'),
    get('/api/web/feedback' + qs({ customer: p.id, limit: 50 })), get('/api/web/customers/' + p.id + '/value'), optional('/api/journeys')]);
  const names = Object.fromEntries(((definitions && definitions.journeys) || []).map((j) => [j.id, j.name || j.id]));
  if (!current()) return;
  const name = p.traits.name || p.userId || ('#' + p.id);
  const channels = Object.entries(p.eventsByChannel || {}).map(([channel, events]) => ({ channel, events }));
  main.replaceChildren(h('h1', {}, name), h('p', {}, h('a', { href: '#/customers' }, '← All customers')), h('div', { class: 'grid' },
    card('Identity', h('dl', { class: 'kv' }, h('dt', {}, 'Customer number'), h('dd', {}, p.id), h('dt', {}, 'User id'), h('dd', {}, p.userId || '–'),
      h('dt', {}, 'First seen'), h('dd', {}, when(p.firstSeen)), h('dt', {}, 'Last seen'), h('dd', {}, when(p.lastSeen)),
      h('dt', {}, 'Events'), h('dd', {}, num(p.eventCount)),
      // consent arrives as a trait too; it is shown once, from the consent history, below
      ...Object.entries(p.traits).filter(([k]) => k !== 'consent').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, readable(v))]),
      h('dt', {}, 'Consent'), h('dd', { id: 'consent' }, consentText(p))),
      table('Identifiers', [{ key: 'kind', label: 'Kind' }, { key: 'value', label: 'Value' }], p.identities || [])),
    valueCard(value),
    chartCard('Events by channel', 'events of this customer per channel', {
      grid: { left: 90, right: 20, top: 10, bottom: 30 }, tooltip: {}, xAxis: { type: 'value' },
      yAxis: { type: 'category', data: channels.map((c) => c.channel) }, series: [{ type: 'bar', data: channels.map((c) => c.events), barMaxWidth: 24 }] },
      [{ key: 'channel', label: 'Channel' }, { key: 'events', label: 'Events', num: true }], channels),
    h('section', { class: 'card wide', 'aria-label': 'Journeys' }, h('h2', {}, 'Journeys'), journeys.journeys.length ? table('Journeys of this customer', [
      { key: 'journey', label: 'Journey', cell: (r) => h('a', { href: '#/journeys/' + encodeURIComponent(r.journey) }, names[r.journey] || r.journey) },
      { key: 'events', label: 'Events', num: true }, { key: 'first', label: 'First', fmt: day }, { key: 'last', label: 'Last', fmt: day },
      { key: 'lastStage', label: 'Latest stage' }, { key: 'lastEvent', label: 'Latest step' },
      { key: 'channels', label: 'Channels', fmt: (v) => (v || []).join(', ') }], journeys.journeys) : notice('No journey events.')),
    timelineCard(p.id, p.eventCount),
    card('Feedback', feedback.responses.length ? h('ul', { class: 'timeline' }, feedback.responses.map((f) => h('li', {},
      h('div', { class: 'ch' }, [day(f.at), f.survey, f.score == null ? null : `${String(f.scale).toUpperCase()} ${f.score}`].filter((x) => x != null).join(' · ')),
      f.comment ? h('q', {}, f.comment) : h('span', { class: 'muted' }, 'no comment')))) : notice('No survey answers or feedback.'))));
}

function readable(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v)) return when(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(readable).join(', ');
  return Object.entries(v).map(([k, x]) => k + ': ' + readable(x)).join(' · ');
}

const CONSENT_NAMES = { email: 'E-mail', sms: 'SMS', phone: 'Phone', push: 'Push', post: 'Post' };

/** "E-mail: given · SMS: withdrawn" from the latest consent per category (the trait only when there is no history). */
function consentText(p) {
  const c = Object.keys(p.consent || {}).length ? p.consent : (p.traits.consent && typeof p.traits.consent === 'object' ? p.traits.consent : {});
  const entries = Object.entries(c);
  if (!entries.length) return 'not recorded';
  return entries.map(([k, v]) => (CONSENT_NAMES[k] || k) + ': ' + (v === true ? 'given' : v === false ? 'withdrawn' : String(v))).join(' · ');
}

/** The customer's events, newest first, a page at a time, each with its properties. */
function timelineCard(id, total) {
  const list = h('ol', { class: 'timeline', id: 'timeline', 'aria-label': 'Latest events first' });
  const more = h('button', { type: 'button', id: 'timeline-more', hidden: true }, 'Show older events');
  const count = h('p', { class: 'muted small', id: 'timeline-count', role: 'status' });
  let next = null;
  const load = async () => {
    more.disabled = true;
    const page = await get('/api/web/customers/' + id + '/timeline' + qs({ limit: PAGE, before: next }));
    list.append(...page.events.map(eventItem));
    next = page.next;
    more.hidden = next === null;
    more.disabled = false;
    count.textContent = `Showing ${num(list.children.length)} of ${num(total)} events`;
  };
  more.addEventListener('click', () => load().catch((e) => count.textContent = e.message));
  load().catch((e) => count.textContent = e.message);
  return h('section', { class: 'card', 'aria-label': 'Timeline' }, h('h2', {}, 'Timeline across channels'), count, list, more);
}

function eventItem(e) {
  const props = Object.entries(e.properties || {});
  return h('li', { 'data-event': e.id },
    h('div', { class: 'ch' }, when(e.at) + ' · ' + (e.channel || '–') + (e.touchpoint ? ' · ' + e.touchpoint : '') + ' · ' + e.type),
    h('div', { class: 'ev' }, e.name || e.type),
    props.length ? h('dl', { class: 'props small' }, props.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, readable(v))])) : null);
}

function valueCard(answer) {
  const v = answer.predictions;
  const cur = answer.currency;
  if (!v) {
    return card('Value', notice('No predictions yet: run wayfinder clv fit and wayfinder churn train (or POST /api/clv/fit, /api/churn/train).'));
  }
  const rows = [['clv', 'Lifetime value (CLV)', (x) => money(x, cur)], ['clvAsOf', 'CLV as of', day], ['pAlive', 'Still active (P(alive))', (x) => pct(x)],
    ['expectedPurchases', 'Expected purchases', (x) => num(x, 2)], ['expectedSpend', 'Expected spend per purchase', (x) => money(x, cur, 2)],
    ['churnRisk', 'Churn risk', (x) => pct(x)], ['churnAsOf', 'Churn risk as of', day],
    ['valueSegment', 'Value segment', (x) => String(x).replaceAll('_', ' ')]].filter(([k]) => v[k] !== null && v[k] !== undefined);
  return card('Value', h('dl', { class: 'kv even', id: 'value' }, rows.flatMap(([k, label, fmt]) => [h('dt', {}, label), h('dd', { 'data-field': k }, fmt(v[k]))])));
}
