// Overview: the CX leader's screen: KPIs per journey with intervals and trends, conversion,
// value at stake in pain points, the top pain points and the latest verbatims.
import { get, optional, qs } from '../api.js';
import { h, num, pct, when, notice, card, table, loading, dataBeside } from '../ui.js';
import { chartCard, barsWithIntervals } from '../charts.js';
import { range, periodSelect } from '../period.js';

const KPIS = [['nps', 'NPS', 'points'], ['csat', 'CSAT', '% satisfied'], ['ces', 'CES', 'mean 1–7']];
let period = '365';

export async function render(main, _args, current) {
  loading(main, 'Overview');
  const r = await range(period);
  const [data, journeys, pains] = await Promise.all([get('/api/web/overview' + qs(r)), optional('/api/journeys'),
    optional('/api/painpoints' + qs(r))]);
  if (!current()) return;
  const tools = h('div', { class: 'toolbar' }, periodSelect('period', period, (v) => { period = v; render(main, [], current); }),
    h('p', { class: 'muted small' }, r.from ? `${r.from} to ${r.to} (ending at the latest event)` : 'All data'));
  main.replaceChildren(h('h1', {}, 'Overview'), tools, tiles(data, pains), h('div', { class: 'grid' },
    ...KPIS.map(([k, label, unit]) => kpiChart(data, k, label, unit)),
    trendChart(data),
    conversionCard(journeys, r, current),
    painCard(pains),
    feedbackCard(data.feedback)));
}

function tiles(data, pains) {
  const o = data.overall || {};
  // each customer counted once across pain points (the API's total), not a sum that counts overlaps again
  const total = pains && pains.total;
  const tile = (k, v, sub) => h('div', { class: 'tile' }, h('div', { class: 'k' }, k), h('div', { class: 'v' }, v), sub ? h('div', { class: 'small muted' }, sub) : null);
  return h('section', { class: 'tiles', 'aria-label': 'Headline figures' },
    tile('Customers active', num(data.range.customers), num(data.range.events) + ' events'),
    ...KPIS.map(([k, label]) => tile(label, o[k] ? num(o[k].value, 1) : '–',
      o[k] && o[k].low !== null ? `95 % ${num(o[k].low, 1)} to ${num(o[k].high, 1)} · n ${num(o[k].responses)}` : 'no answers')),
    h('div', { class: 'tile', id: 'value-at-stake', title: total ? total.method : null }, h('div', { class: 'k' }, 'Value at stake'),
      h('div', { class: 'v' }, total ? '€ ' + num(total.valueAtStake) : '–'),
      h('div', { class: 'small muted' }, total ? `${num(total.customers)} customers in ${pains.painPoints.length} pain points, each counted once` : 'no pain-point data yet'),
      total ? h('details', { class: 'small muted' }, h('summary', {}, 'How is this computed?'), h('p', {}, total.method + ', for journey instances that started in the period.')) : null));
}

function kpiChart(data, key, label, unit) {
  const rows = data.journeys.filter((j) => j[key].responses > 0)
    .map((j) => ({ label: j.journey, value: j[key].value, low: j[key].low, high: j[key].high, n: j[key].responses }));
  if (!rows.length) return card(label + ' by journey', notice('No ' + label + ' answers in this period.'));
  return chartCard(label + ' by journey', `${label} per journey with 95 % intervals`, barsWithIntervals(rows, unit), [
    { key: 'label', label: 'Journey' }, { key: 'value', label, num: true, fmt: (v) => num(v, 1) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => num(v, 1) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => num(v, 1) },
    { key: 'n', label: 'Responses', num: true, fmt: (v) => num(v) }], rows);
}

function trendChart(data) {
  const months = [...new Set(data.trend.map((t) => t.month))].sort();
  const journeys = [...new Set(data.trend.map((t) => t.journey))].sort();
  const cell = (j, m) => data.trend.find((t) => t.journey === j && t.month === m);
  const rows = data.trend.filter((t) => t.nps.responses > 0).map((t) => ({ month: t.month, journey: t.journey, nps: t.nps.value,
    low: t.nps.low, high: t.nps.high, n: t.nps.responses }));
  const option = {
    grid: { left: 50, right: 20, top: 40, bottom: 40 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', name: 'NPS', min: -100, max: 100 },
    series: journeys.map((j) => ({ type: 'line', name: j, connectNulls: true, symbolSize: 5,
      data: months.map((m) => { const c = cell(j, m); return c && c.nps.responses >= 5 ? c.nps.value : null; }) })),
  };
  return chartCard('NPS trend by month', 'monthly NPS per journey (months with at least 5 answers)', option, [
    { key: 'month', label: 'Month' }, { key: 'journey', label: 'Journey' }, { key: 'nps', label: 'NPS', num: true, fmt: (v) => num(v, 1) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => num(v, 1) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => num(v, 1) },
    { key: 'n', label: 'Responses', num: true }], rows, { wide: true });
}

function conversionCard(journeys, r, current) {
  if (!journeys) return card('Conversion by journey', notice('No data yet: journey definitions (/api/journeys) are not available on this server.'));
  const sec = card('Conversion by journey', h('p', { class: 'muted', role: 'status' }, 'Loading journey maps…'));
  Promise.all(journeys.journeys.map((j) => optional('/api/journeys/' + encodeURIComponent(j.id) + '/map' + qs(r)))).then((maps) => {
    if (!current()) return;
    const rows = maps.filter(Boolean).map((m) => ({ journey: m.journey, name: m.name, instances: m.instances, converted: m.converted, conversion: m.conversion }));
    const cols = [{ key: 'name', label: 'Journey', cell: (r) => h('a', { href: '#/journeys/' + encodeURIComponent(r.journey) }, r.name) },
      { key: 'instances', label: 'Instances', num: true, fmt: (v) => num(v) }, { key: 'converted', label: 'Converted', num: true, fmt: (v) => num(v) },
      { key: 'conversion', label: 'Conversion', num: true, fmt: (v) => pct(v) }];
    const chart = chartCard('Conversion by journey', 'share of the journey instances started in the period that reached the goal', {
      grid: { left: 110, right: 30, top: 10, bottom: 30 }, tooltip: {},
      xAxis: { type: 'value', max: 100, name: '%' }, yAxis: { type: 'category', data: rows.map((r) => r.journey) },
      series: [{ type: 'bar', data: rows.map((r) => r.conversion === null ? null : Math.round(r.conversion * 1000) / 10), barMaxWidth: 28,
        label: { show: true, position: 'right', formatter: '{c} %' } }] }, cols, rows);
    sec.replaceWith(chart);
  }).catch((e) => sec.append(notice(e.message)));
  return sec;
}

function painCard(pains) {
  if (!pains) return card('Top pain points', notice('No data yet: pain points (/api/painpoints) are not available on this server.'));
  const rows = pains.painPoints.slice(0, 6);
  const cols = [{ key: 'rank', label: '#', num: true }, { key: 'journey', label: 'Journey' }, { key: 'stage', label: 'Stage' },
    { key: 'summary', label: 'What' }, { key: 'affectedCustomers', label: 'Customers', num: true, fmt: (v) => num(v) },
    { key: 'valueAtStake', label: 'Value at stake €', num: true, fmt: (v) => num(v) }];
  return card('Top pain points', rows.length ? table('Pain points ranked by value at stake', cols, rows) : notice('No pain points found.'),
    rows.length ? dataBeside('pain-points', cols, pains.painPoints) : null);
}

function feedbackCard(feedback) {
  if (!feedback.length) return card('Recent feedback', notice('No comments in this period.'));
  return h('section', { class: 'card wide', 'aria-label': 'Recent feedback' }, h('h2', {}, 'Recent feedback'),
    h('ul', { class: 'timeline' }, feedback.map((f) => h('li', {},
      h('div', { class: 'ch' }, `${when(f.at)} · ${f.journey || '–'} / ${f.stage || '–'} · ${f.survey} ${String(f.scale).toUpperCase()} ${f.score} · `,
        h('a', { href: '#/customers/' + f.customerId }, 'customer ' + f.customerId)),
      h('q', {}, f.comment)))),
    h('p', {}, h('a', { href: '#/feedback' }, 'All feedback →')));
}

