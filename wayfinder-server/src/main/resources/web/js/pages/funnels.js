// Funnel and paths explorers over the journey API (POST /api/funnels, GET /api/paths). The funnel
// builder exposes the whole funnel spec the API takes: steps with per-step windows, order mode,
// window, exclusions, breakdown and segment; a step's drop-off opens the customers who dropped off.
import { get, post, optional, has, qs } from '../api.js';
import { h, num, pct, duration, notice, card, table, loading } from '../ui.js';
import { chartCard } from '../charts.js';

const DEFAULT_STEPS = ['Product', 'Checkout Started', 'Payment Submitted', 'Order Completed'];
// kept across visits so a user coming back finds the funnel they built
let spec = null;

export async function render(main, _args, current) {
  loading(main, 'Funnels and paths');
  const [events, journeys] = await Promise.all([get('/api/web/events'), optional('/api/journeys')]);
  const names = events.events.map((e) => e.name);
  if (!current()) return;
  if (!spec) {
    const start = DEFAULT_STEPS.filter((s) => names.includes(s));
    spec = { steps: (start.length >= 2 ? start : names.slice(0, 2)).map((event) => ({ event, within: '' })), order: 'ordered', window: '30d',
      exclusions: [], breakdown: '', breakdownKey: '', segment: '' };
  }
  const funnelOut = h('div', { class: 'grid', id: 'funnel-result' });
  const pathOut = h('div', { class: 'grid', id: 'path-result' });
  const options = (selected) => names.map((n) => h('option', { value: n, selected: n === selected }, n));
  const list = h('ol', { class: 'steps', id: 'funnel-steps' });
  const exclusionList = h('ul', { class: 'steps', id: 'funnel-exclusions' });
  const drawSteps = () => list.replaceChildren(...spec.steps.map((s, i) => h('li', {},
    h('label', { for: 'step-' + i }, 'Step ' + (i + 1)), h('select', { id: 'step-' + i, onchange: (e) => { s.event = e.target.value; } }, options(s.event)),
    i === 0 ? null : h('label', { for: 'within-' + i, class: 'small' }, 'within'),
    i === 0 ? null : h('input', { id: 'within-' + i, value: s.within, placeholder: 'any time', size: 8, title: 'Most time since the previous step, e.g. 1h, 2d',
      onchange: (e) => { s.within = e.target.value.trim(); } }),
    spec.steps.length > 1 ? h('button', { type: 'button', 'aria-label': 'Remove step ' + (i + 1), onclick: () => { spec.steps.splice(i, 1); drawSteps(); } }, 'Remove') : null)));
  const drawExclusions = () => exclusionList.replaceChildren(...spec.exclusions.map((x, i) => h('li', {},
    h('label', { for: 'exclusion-' + i }, 'Exclude customers who do'), h('select', { id: 'exclusion-' + i, onchange: (e) => { x.event = e.target.value; } }, options(x.event)),
    h('span', { class: 'small muted' }, 'between the first and the last step'),
    h('button', { type: 'button', 'aria-label': 'Remove exclusion ' + (i + 1), onclick: () => { spec.exclusions.splice(i, 1); drawExclusions(); } }, 'Remove'))));
  drawSteps();
  drawExclusions();
  const field = (id, label, control) => h('div', {}, h('label', { for: id }, label), control);
  const select = (id, key, choices) => h('select', { id, onchange: (e) => { spec[key] = e.target.value; } },
    choices.map(([v, t]) => h('option', { value: v, selected: v === spec[key] }, t)));
  const input = (id, key, placeholder) => h('input', { id, value: spec[key], placeholder, size: 14, onchange: (e) => { spec[key] = e.target.value.trim(); } });
  const funnelForm = h('form', { id: 'funnel-form', 'aria-label': 'Build a funnel', onsubmit: async (e) => {
    e.preventDefault();
    funnelOut.replaceChildren(h('p', { role: 'status' }, 'Running…'));
    if (!(await has('/api/funnels', 'POST'))) {
      funnelOut.replaceChildren(notice('No data yet: funnels (/api/funnels) are not available on this server.'));
      return;
    }
    const body = request(spec);
    try {
      const r = await post('/api/funnels', body);
      funnelOut.replaceChildren(...funnelView(r, body));
    } catch (err) { funnelOut.replaceChildren(notice(err.message)); }
  } }, list, h('div', { class: 'toolbar' },
    h('button', { type: 'button', onclick: () => { spec.steps.push({ event: names[0], within: '' }); drawSteps(); } }, 'Add step'),
    h('button', { type: 'button', id: 'add-exclusion', onclick: () => { spec.exclusions.push({ event: names[0] }); drawExclusions(); } }, 'Add exclusion')),
  exclusionList, h('div', { class: 'toolbar' },
    field('funnel-order', 'Order', select('funnel-order', 'order', [['ordered', 'in this order (other events between)'], ['strict', 'strictly one after another'], ['any', 'in any order']])),
    field('funnel-window', 'Conversion window', select('funnel-window', 'window', ['1h', '1d', '7d', '30d', '90d'].map((w) => [w, w]))),
    field('funnel-breakdown', 'Break down by', select('funnel-breakdown', 'breakdown', [['', 'nothing'], ['channel', 'channel of the first step'],
      ['property', 'property of the first step'], ['segment', 'customer trait']])),
    field('funnel-breakdown-key', 'Property or trait', input('funnel-breakdown-key', 'breakdownKey', 'e.g. plan')),
    field('funnel-segment', 'Segment (trait=value)', input('funnel-segment', 'segment', 'plan=premium')),
    h('button', { type: 'submit', class: 'primary', id: 'run-funnel' }, 'Run funnel')));
  const anchor = h('select', { id: 'path-anchor' }, options(spec.steps[0].event));
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
  main.replaceChildren(h('h1', {}, 'Funnels and paths'), card('Funnel builder', h('p', { class: 'muted' },
    'Choose the steps in order; customers count with their best attempt within the window. "within" limits the time since the previous step.'), funnelForm),
  funnelOut, card('Paths', pathForm), pathOut);
}

/** The body of POST /api/funnels for what the form holds; empty fields are left out. */
function request(s) {
  const body = { steps: s.steps.map((st, i) => (i > 0 && st.within ? { event: st.event, within: st.within } : { event: st.event })),
    order: s.order, window: s.window };
  if (s.exclusions.length) body.exclusions = s.exclusions.map((x) => ({ event: x.event }));
  if (s.breakdown) body.breakdown = s.breakdown === 'channel' ? { by: 'channel' } : { by: s.breakdown, key: s.breakdownKey };
  if (s.segment) body.segment = s.segment;
  return body;
}

function funnelView(r, body) {
  const dropped = h('section', { class: 'card wide', id: 'funnel-dropped', 'aria-label': 'Customers who dropped off', tabindex: '-1' },
    h('h2', {}, 'Customers who dropped off'), h('p', { class: 'muted' }, 'Choose a drop-off count in the table to list those customers.'));
  const showDropped = async (step) => {
    dropped.replaceChildren(h('h2', {}, 'Customers who dropped off before step ' + step.step), h('p', { role: 'status' }, 'Loading…'));
    try {
      const res = await post('/api/funnels' + qs({ customersAt: step.step, dropped: true, limit: Math.max(1, step.dropOff) }), body);
      dropped.replaceChildren(h('h2', {}, `Customers who dropped off before step ${step.step} (${step.label}): ${num(res.customers.length)}`),
        table('Reached the previous step, not ' + step.label, [{ key: 'customer', label: 'Customer',
          cell: (x) => h('a', { href: '#/customers/' + encodeURIComponent(x.customer), class: 'customer-link' }, x.customer) }],
        res.customers.map((customer) => ({ customer }))));
    } catch (err) { dropped.replaceChildren(h('h2', {}, 'Customers who dropped off'), notice(err.message)); }
    dropped.focus();
  };
  const rows = r.steps.map((s) => ({ ...s }));
  const cols = [{ key: 'step', label: '#', num: true }, { key: 'label', label: 'Step' }, { key: 'customers', label: 'Customers', num: true, fmt: (v) => num(v) },
    { key: 'conversionFromPrevious', label: 'From previous', num: true, fmt: (v) => pct(v) }, { key: 'conversionFromStart', label: 'From start', num: true, fmt: (v) => pct(v) },
    { key: 'dropOff', label: 'Drop-off', num: true, csv: (s) => s.dropOff, cell: (s) => (s.step > 1 && s.dropOff > 0
      ? h('button', { type: 'button', class: 'link drop-off', 'data-step': s.step, 'aria-label': `${num(s.dropOff)} dropped off before step ${s.step}: list them`,
        onclick: () => showDropped(s) }, num(s.dropOff)) : num(s.dropOff)) },
    { key: 'medianSecondsFromPrevious', label: 'Median time', num: true, fmt: duration }];
  const summary = h('p', { id: 'funnel-summary' }, `${num(r.customers)} customers in scope · ${num(r.entered)} entered · ${num(r.converted)} converted`
    + ` (${pct(r.conversion)}) · ${num(r.excluded)} excluded · order ${r.order}, window ${r.window}`);
  const out = [h('section', { class: 'card wide', 'aria-label': 'Funnel steps' }, h('h2', {}, 'Steps'), summary, table('Funnel steps', cols, rows)),
    chartCard('Funnel: ' + pct(r.conversion) + ' converted', `${num(r.entered)} entered, ${num(r.converted)} converted`, {
      grid: { left: 20, right: 60, top: 10, bottom: 30, containLabel: true }, tooltip: {}, xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map((s) => s.step + '. ' + s.label) },
      series: [{ type: 'bar', data: rows.map((s) => s.customers), barMaxWidth: 36, label: { show: true, position: 'right' } }] },
    cols.map((c) => (c.cell ? { key: c.key, label: c.label, num: true, fmt: (v) => num(v) } : c)), rows, { wide: true, file: 'funnel' })];
  if (r.breakdown && r.breakdown.length) out.push(breakdownView(r));
  out.push(dropped);
  return out;
}

function breakdownView(r) {
  const cols = [{ key: 'value', label: 'Group' }, { key: 'entered', label: 'Entered', num: true, fmt: (v) => num(v) },
    { key: 'converted', label: 'Converted', num: true, fmt: (v) => num(v) }, { key: 'conversion', label: 'Conversion', num: true, fmt: (v) => pct(v) },
    ...r.steps.map((s, i) => ({ key: 's' + i, label: 'Step ' + s.step, num: true, fmt: (v) => num(v) }))];
  const rows = r.breakdown.map((g) => Object.assign({ value: g.value ?? '(none)', entered: g.entered, converted: g.converted, conversion: g.conversion },
    ...g.stepCustomers.map((c, i) => ({ ['s' + i]: c }))));
  return h('section', { class: 'card wide', id: 'funnel-breakdown-result', 'aria-label': 'Breakdown' }, h('h2', {}, 'Breakdown'), table('Funnel per group', cols, rows));
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
