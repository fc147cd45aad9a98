// Funnel and paths explorers over the journey API (POST /api/funnels, GET /api/paths).
import { get, post, optional, has, qs } from '../api.js';
import { h, num, pct, duration, notice, card, table, loading } from '../ui.js';
import { chartCard } from '../charts.js';

const DEFAULT_STEPS = ['Product', 'Checkout Started', 'Payment Submitted', 'Order Completed'];
let steps = null;

export async function render(main, _args, current) {
  loading(main, 'Funnels and paths');
  const [events, journeys] = await Promise.all([get('/api/web/events'), optional('/api/journeys')]);
  const names = events.events.map((e) => e.name);
  if (!current()) return;
  steps = steps || DEFAULT_STEPS.filter((s) => names.includes(s));
  if (steps.length < 2) steps = names.slice(0, 2);
  const funnelOut = h('div', { class: 'grid', id: 'funnel-result' });
  const pathOut = h('div', { class: 'grid', id: 'path-result' });
  const list = h('ol', { class: 'steps', id: 'funnel-steps' });
  const options = (selected) => names.map((n) => h('option', { value: n, selected: n === selected }, n));
  const drawSteps = () => list.replaceChildren(...steps.map((s, i) => h('li', {},
    h('label', { for: 'step-' + i }, 'Step ' + (i + 1)), h('select', { id: 'step-' + i, onchange: (e) => { steps[i] = e.target.value; } }, options(s)),
    steps.length > 1 ? h('button', { type: 'button', 'aria-label': 'Remove step ' + (i + 1), onclick: () => { steps.splice(i, 1); drawSteps(); } }, 'Remove') : null)));
  drawSteps();
  const windowSel = h('select', { id: 'funnel-window' }, ['1d', '7d', '30d', '90d'].map((w) => h('option', { value: w, selected: w === '30d' }, w)));
  const funnelForm = h('form', { id: 'funnel-form', 'aria-label': 'Build a funnel', onsubmit: async (e) => {
    e.preventDefault();
    funnelOut.replaceChildren(h('p', { role: 'status' }, 'Running…'));
    if (!(await has('/api/funnels', 'POST'))) {
      funnelOut.replaceChildren(notice('No data yet: funnels (/api/funnels) are not available on this server.'));
      return;
    }
    try {
      const r = await post('/api/funnels', { steps: steps.map((event) => ({ event })), window: windowSel.value });
      funnelOut.replaceChildren(...funnelView(r));
    } catch (err) { funnelOut.replaceChildren(notice(err.message)); }
  } }, list, h('div', { class: 'toolbar' },
    h('button', { type: 'button', onclick: () => { steps.push(names[0]); drawSteps(); } }, 'Add step'),
    h('div', {}, h('label', { for: 'funnel-window' }, 'Conversion window'), windowSel),
    h('button', { type: 'submit', class: 'primary', id: 'run-funnel' }, 'Run funnel')));
  const anchor = h('select', { id: 'path-anchor' }, options(steps[0]));
  const direction = h('select', { id: 'path-direction' }, h('option', { value: 'after' }, 'after'), h('option', { value: 'before' }, 'before'));
  // what a path follows: a session cut after a quiet gap the user sets, or a whole journey instance (as its map)
  const gap = h('input', { id: 'path-gap', value: '30m', size: 5, title: 'a quiet time that ends a session: 30m, 4h, 7d' });
  const follow = h('select', { id: 'path-follow', onchange: () => { gap.disabled = !!follow.value; } }, h('option', { value: '' }, 'sessions'),
    ((journeys && journeys.journeys) || []).map((j) => h('option', { value: j.id }, 'instances of ' + j.name)));
  const every = h('input', { id: 'path-every', type: 'checkbox' });
  const pathForm = h('form', { class: 'toolbar', 'aria-label': 'Explore paths', onsubmit: async (e) => {
    e.preventDefault();
    const r = await optional('/api/paths' + qs({ anchor: anchor.value, direction: direction.value, steps: 4, journey: follow.value,
      sessionGap: follow.value ? '' : gap.value.trim(), occurrences: every.checked ? 'every' : '' })).catch((err) => ({ error: err.message }));
    pathOut.replaceChildren(...(r === null ? [notice('No data yet: paths (/api/paths) are not available on this server.')] : r.error ? [notice(r.error)] : pathView(r)));
  } }, h('div', {}, h('label', { for: 'path-anchor' }, 'Paths from event'), anchor), h('div', {}, h('label', { for: 'path-direction' }, 'Direction'), direction),
  h('div', {}, h('label', { for: 'path-follow' }, 'Follow'), follow), h('div', {}, h('label', { for: 'path-gap' }, 'Session ends after a gap of'), gap),
  h('div', {}, h('label', { for: 'path-every' }, 'From every occurrence'), every),
  h('button', { type: 'submit', class: 'primary' }, 'Show paths'));
  main.replaceChildren(h('h1', {}, 'Funnels and paths'), card('Funnel builder', h('p', { class: 'muted' }, 'Choose the steps in order; customers count with their best attempt within the window.'), funnelForm),
    funnelOut, card('Paths', pathForm), pathOut);
}

function funnelView(r) {
  const rows = r.steps.map((s) => ({ ...s }));
  const cols = [{ key: 'step', label: '#', num: true }, { key: 'label', label: 'Step' }, { key: 'customers', label: 'Customers', num: true, fmt: (v) => num(v) },
    { key: 'conversionFromPrevious', label: 'From previous', num: true, fmt: (v) => pct(v) }, { key: 'conversionFromStart', label: 'From start', num: true, fmt: (v) => pct(v) },
    { key: 'dropOff', label: 'Drop-off', num: true, fmt: (v) => num(v) }, { key: 'medianSecondsFromPrevious', label: 'Median time', num: true, fmt: duration }];
  return [chartCard('Funnel: ' + pct(r.conversion) + ' converted', `${num(r.entered)} entered, ${num(r.converted)} converted`, {
    grid: { left: 160, right: 60, top: 10, bottom: 30 }, tooltip: {}, xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((s) => s.step + '. ' + s.label) },
    series: [{ type: 'bar', data: rows.map((s) => s.customers), barMaxWidth: 36, label: { show: true, position: 'right' } }] }, cols, rows, { wide: true, file: 'funnel' })];
}

function pathView(r) {
  const nodes = new Map();
  const key = (pos, ev) => pos + '. ' + ev;
  const links = r.links.map((l) => ({ source: key(l.fromPosition, l.from), target: key(l.fromPosition + 1, l.to), value: l.count }));
  links.forEach((l) => { nodes.set(l.source, { name: l.source }); nodes.set(l.target, { name: l.target }); });
  const rows = r.links.map((l) => ({ position: l.fromPosition, from: l.from, to: l.to, count: l.count }));
  return [chartCard(`Paths ${r.direction} ${r.anchor} (${num(r.paths)} paths)`, 'flow of the next events as a Sankey diagram', {
    tooltip: {}, series: [{ type: 'sankey', data: [...nodes.values()], links, emphasis: { focus: 'adjacency' }, nodeGap: 10, label: { fontSize: 11 } }] },
  [{ key: 'position', label: 'Position', num: true }, { key: 'from', label: 'From' }, { key: 'to', label: 'To' }, { key: 'count', label: 'Paths', num: true }], rows, { wide: true, tall: true, file: 'paths' })];
}
