// Journey map of one journey: stages as columns with their touchpoints, KPIs and pain points; the
// emotional curve; the discovered flow with volumes and waiting times; customers of a step.
import { get, optional, qs } from '../api.js';
import { h, num, pct, duration, when, kpiText, notice, card, table, loading, dataBeside } from '../ui.js';
import { chartCard } from '../charts.js';
import { range, periodSelect } from '../period.js';
import { drawFlow } from './flow.js';

const filters = { segment: '', channel: '', period: 'all' };

export async function render(main, args, current) {
  loading(main, 'Journey map');
  const list = await optional('/api/journeys');
  if (!current()) return;
  if (!list || !list.journeys.length) {
    main.replaceChildren(h('h1', {}, 'Journey map'), notice(list ? 'No journeys are defined yet: add one under Settings.'
      : 'No data yet: journey definitions and maps (/api/journeys) are not available on this server.'));
    return;
  }
  const id = args[0] || list.journeys[0].id;
  const r = await range(filters.period);
  const q = { ...r, segment: filters.segment, channel: filters.channel };
  const [map, pains, curve] = await Promise.all([get('/api/journeys/' + encodeURIComponent(id) + '/map' + qs(q)),
    optional('/api/painpoints' + qs({ journey: id, ...q })), optional('/api/sentiment' + qs({ by: 'stage', journey: id })).catch(() => null)]);
  if (!current()) return;
  const redo = () => render(main, [id], current);
  const journeySel = h('select', { id: 'journey', onchange: (e) => { location.hash = '#/journeys/' + encodeURIComponent(e.target.value); } },
    list.journeys.map((j) => h('option', { value: j.id, selected: j.id === id }, j.name)));
  const channels = [...new Set(['web', 'app', 'email', 'call_centre', 'store', 'partner', 'review'])];
  const segment = h('input', { id: 'segment', value: filters.segment, placeholder: 'plan=premium' });
  const tools = h('form', { class: 'toolbar', 'aria-label': 'Filters', onsubmit: (e) => { e.preventDefault(); filters.segment = segment.value.trim(); redo(); } },
    h('div', {}, h('label', { for: 'journey' }, 'Journey'), journeySel),
    h('div', {}, h('label', { for: 'channel' }, 'Channel'), h('select', { id: 'channel', onchange: (e) => { filters.channel = e.target.value; redo(); } },
      h('option', { value: '' }, 'All channels'), channels.map((c) => h('option', { value: c, selected: c === filters.channel }, c)))),
    h('div', {}, h('label', { for: 'segment' }, 'Segment (trait=value)'), segment),
    periodSelect('period', filters.period, (v) => { filters.period = v; redo(); }),
    h('button', { type: 'submit' }, 'Apply'));
  const painList = pains ? pains.painPoints : [];
  const customers = h('section', { class: 'card wide', id: 'step-customers', 'aria-label': 'Customers of a step', tabindex: '-1' },
    h('h2', {}, 'Customers'), h('p', { class: 'muted' }, 'Choose a step on the map to see its customers.'));
  const showCustomers = async (stage, event) => {
    customers.replaceChildren(h('h2', {}, 'Customers at ' + event + ' (' + stage + ')'), h('p', { role: 'status' }, 'Loading…'));
    const res = await get('/api/journeys/' + encodeURIComponent(id) + '/customers' + qs({ event, limit: 50, ...q }));
    customers.replaceChildren(h('h2', {}, `Customers at ${event} (${num(res.total)} customers, ${res.customers.length} shown)`), table('Customers at ' + event, [
      { key: 'customer', label: 'Customer', cell: (x) => h('a', { href: '#/customers/' + encodeURIComponent(x.customer), class: 'customer-link' }, x.customer) },
      { key: 'instances', label: 'Instances', num: true }, { key: 'events', label: 'Times', num: true }, { key: 'lastAt', label: 'Last at', fmt: when }], res.customers));
    customers.focus();
  };
  main.replaceChildren(h('h1', {}, map.name + ' journey'), tools,
    h('p', { class: 'muted' }, `Owner: ${map.owner || '–'} · ${num(map.instances)} instances · ${num(map.converted)} converted (${pct(map.conversion)})`),
    stageColumns(map, painList, showCustomers),
    h('div', { class: 'grid' }, emotionalCurve(map, curve), flowCard(map), painCard(painList), customers));
}

function stageColumns(map, pains, showCustomers) {
  return h('section', { class: 'stages', 'aria-label': 'Stages' }, map.stages.map((s) => {
    const nodes = map.nodes.filter((n) => n.stage === s.name).sort((a, b) => b.events - a.events);
    const k = s.kpis || {};
    return h('article', { class: 'stage', 'aria-label': 'Stage ' + s.name }, h('h3', {}, s.name),
      h('div', { class: 'small' }, `${num(s.instances)} instances (${pct(s.shareOfInstances, 0)}) · converts ${pct(s.conversion, 0)} · median ${duration(s.medianSecondsInStage)}`),
      h('div', { class: 'small' }, 'NPS ' + kpiText(k.nps) + ' · CSAT ' + kpiText(k.csat) + ' · CES ' + kpiText(k.ces)),
      h('ul', {}, nodes.map((n) => {
        const pain = pains.find((p) => p.stage === s.name && String(p.step).includes(n.event));
        return h('li', {}, h('button', { type: 'button', class: 'step' + (pain ? ' pain' : ''), 'data-event': n.event,
          title: pain ? pain.summary : null, 'aria-label': `${n.event}: ${n.customers} customers${pain ? ', pain point: ' + pain.summary : ''}`,
          onclick: () => showCustomers(s.name, n.event) }, h('span', {}, (pain ? '⚠ ' : '') + n.event), h('span', { class: 'muted' }, num(n.customers))));
      })));
  }));
}

function emotionalCurve(map, curve) {
  const groups = curve && curve.groups ? curve.groups : [];
  const rows = map.stages.map((s) => {
    const g = groups.find((x) => x.group === s.name || x.name === s.name);
    const sent = s.kpis && s.kpis.sentiment;
    return { stage: s.name, sentiment: g ? g.meanCompound : (sent ? sent.meanCompound : null), nps: s.kpis && s.kpis.nps ? s.kpis.nps.value : null };
  });
  return chartCard('Emotional curve', 'mean sentiment of comments and NPS per stage', {
    grid: { left: 50, right: 50, top: 40, bottom: 30, containLabel: true }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    // every stage is named, also those without comments: wrapped to its share of the width, never skipped
    xAxis: { type: 'category', data: rows.map((r) => r.stage), axisLabel: { interval: 0, width: stageLabelWidth(rows.length), overflow: 'break' } },
    yAxis: [{ type: 'value', name: 'sentiment', min: -1, max: 1 }, { type: 'value', name: 'NPS', min: -100, max: 100 }],
    series: [{ type: 'line', name: 'sentiment', data: rows.map((r) => r.sentiment), smooth: true, connectNulls: true, areaStyle: { opacity: 0.15 } },
      { type: 'bar', name: 'NPS', yAxisIndex: 1, data: rows.map((r) => r.nps), barMaxWidth: 30, itemStyle: { opacity: 0.6 } }] },
  [{ key: 'stage', label: 'Stage' }, { key: 'sentiment', label: 'Mean sentiment', num: true, fmt: (v) => num(v, 2) }, { key: 'nps', label: 'NPS', num: true, fmt: (v) => num(v, 1) }], rows, { wide: true });
}

/** Width for one stage's name under the wide emotional curve: its share of the page, less a gap. */
function stageLabelWidth(stages) {
  return Math.max(60, Math.floor((document.getElementById('main').clientWidth - 200) / Math.max(1, stages)) - 12);
}

function flowCard(map) {
  const graph = h('div', { id: 'graph', role: 'img', 'aria-label': 'Discovered flow: steps by stage, arrows with volumes and median waits' });
  const rows = map.links.map((l) => ({ from: l.from, to: l.to, count: l.count, wait: l.medianSeconds }));
  requestAnimationFrame(() => drawFlow(graph, map));
  return h('section', { class: 'card wide', 'aria-label': 'Discovered flow' }, h('h2', {}, 'Discovered flow'), graph,
    dataBeside('flow', [{ key: 'from', label: 'From' }, { key: 'to', label: 'To' }, { key: 'count', label: 'Transitions', num: true, fmt: (v) => num(v) },
      { key: 'wait', label: 'Median wait', num: true, fmt: duration }], rows));
}

function painCard(pains) {
  if (!pains.length) return card('Pain points', notice('No pain points found for this journey.'));
  return card('Pain points', table('Ranked by value at stake', [{ key: 'rank', label: '#', num: true }, { key: 'stage', label: 'Stage' },
    { key: 'summary', label: 'What' }, { key: 'affectedCustomers', label: 'Customers', num: true, fmt: (v) => num(v) },
    { key: 'valueAtStake', label: 'Value at stake €', num: true, fmt: (v) => num(v) }], pains.slice(0, 8)));
}
