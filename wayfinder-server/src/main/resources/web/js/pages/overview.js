// Overview: the CX leader's screen: KPIs per journey with intervals and trends, conversion,
// value at stake in pain points, the top pain points and the latest verbatims.
import { get, optional, qs } from '../api.js';
import { h, num, pct, when, notice, card, table, loading, dataBeside, money } from '../ui.js';
import { chartCard, barsWithIntervals, errorBars } from '../charts.js';
import { range, periodSelect } from '../period.js';
import { currency } from '../settings-cache.js';

const KPIS = [['nps', 'NPS', 'points'], ['csat', 'CSAT', '% satisfied'], ['ces', 'CES', 'mean 1–7']];
let period = '365';
let custom = { from: '', to: '' };
let compare = true;
let trendJourney = null;
let names = {};
const nameOf = (id) => names[id] || id || '–';

async function chosenRange() {
  return period === 'custom' ? { from: custom.from, to: custom.to } : range(period);
}

export async function render(main, _args, current) {
  loading(main, 'Overview');
  const r = await chosenRange();
  const comparing = compare && r.from && r.to;
  const [data, journeys, pains, cur] = await Promise.all([get('/api/web/overview' + qs({ ...r, compare: comparing ? 'previous' : '' })),
    optional('/api/journeys'), optional('/api/painpoints' + qs(r)), currency()]);
  if (!current()) return;
  names = Object.fromEntries(((journeys && journeys.journeys) || []).map((j) => [j.id, j.name || j.id]));
  const again = () => render(main, [], current);
  main.replaceChildren(h('h1', {}, 'Overview'), toolbar(r, data, again), tiles(data, pains, cur), h('div', { class: 'grid' },
    ...KPIS.map(([k, label, unit]) => kpiChart(data, k, label, unit)),
    trendCard(data),
    conversionCard(journeys, r, current),
    painCard(pains, cur),
    feedbackCard(data.feedback)));
}

/** Period (a preset or a custom from–to), and whether to compare with the equally long period before. */
function toolbar(r, data, again) {
  const from = h('input', { id: 'from', type: 'date', value: r.from || '', required: true });
  const to = h('input', { id: 'to', type: 'date', value: r.to || '', required: true });
  const status = h('p', { class: 'error', role: 'alert' });
  const customForm = h('form', { id: 'custom-range', class: 'toolbar', hidden: period !== 'custom', onsubmit: (e) => {
    e.preventDefault();
    if (!from.value || !to.value || from.value > to.value) { status.textContent = 'Choose a start date on or before the end date.'; return; }
    custom = { from: from.value, to: to.value };
    again();
  } }, h('div', {}, h('label', { for: 'from' }, 'From'), from), h('div', {}, h('label', { for: 'to' }, 'To (including)'), to),
  h('button', { type: 'submit', class: 'primary', id: 'apply-range' }, 'Apply'), status);
  const select = periodSelect('period', period, (v) => {
    if (v === 'custom') { period = v; customForm.hidden = false; from.focus(); return; }
    period = v; again();
  }, [['custom', 'Custom range…']]);
  const box = h('input', { id: 'compare', type: 'checkbox', checked: compare, onchange: () => { compare = box.checked; again(); } });
  const prev = data.previous;
  const span = r.from ? `${r.from} to ${r.to}` + (period === 'custom' ? '' : ' (ending at the latest event)') : 'All data';
  return h('div', {}, h('div', { class: 'toolbar' }, select,
    h('div', { class: 'check' }, box, h('label', { for: 'compare' }, 'Compare with the previous period')),
    h('p', { class: 'muted small', id: 'period-span' }, span + (prev ? ` · compared with ${prev.from.slice(0, 10)} to ${dayBefore(prev.to)}` : ''))),
  customForm);
}

/** The last day of a period whose end is exclusive. */
function dayBefore(iso) {
  return new Date(new Date(iso).getTime() - 86400000).toISOString().slice(0, 10);
}

function change(now, before, d) {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const diff = now - before;
  return ' · change ' + (diff > 0 ? '+' : diff < 0 ? '−' : '±') + num(Math.abs(diff), d);
}

function tiles(data, pains, cur) {
  const o = data.overall || {};
  const p = data.previous;
  // each customer counted once across pain points (the API's total), not a sum that counts overlaps again
  const total = pains && pains.total;
  const tile = (id, k, v, sub, prev) => h('div', { class: 'tile', 'data-kpi': id }, h('div', { class: 'k' }, k), h('div', { class: 'v' }, v),
    sub ? h('div', { class: 'small muted' }, sub) : null, prev ? h('div', { class: 'small prev' }, prev) : null);
  const prevKpi = (k) => {
    if (!p) return null;
    const was = p.overall && p.overall[k];
    if (!was || was.value === null || was.value === undefined) return 'previous period: no answers';
    return `previous ${num(was.value, 1)} (n ${num(was.responses)})` + change(o[k] && o[k].value, was.value, 1);
  };
  return h('section', { class: 'tiles', 'aria-label': 'Headline figures' },
    tile('customers', 'Customers active', num(data.range.customers), num(data.range.events) + ' events',
      p ? `previous ${num(p.range.customers)}` + change(data.range.customers, p.range.customers, 0) : null),
    ...KPIS.map(([k, label]) => tile(k, label, o[k] ? num(o[k].value, 1) : '–',
      o[k] && o[k].low !== null ? `95 % ${num(o[k].low, 1)} to ${num(o[k].high, 1)} · n ${num(o[k].responses)}` : 'no answers', prevKpi(k))),
    h('div', { class: 'tile', id: 'value-at-stake', 'data-kpi': 'stake', title: total ? total.method : null }, h('div', { class: 'k' }, 'Value at stake'),
      h('div', { class: 'v' }, total ? money(total.valueAtStake, cur) : '–'),
      h('div', { class: 'small muted' }, total ? `${num(total.customers)} customers in ${pains.painPoints.length} pain points, each counted once` : 'no pain-point data yet'),
      total ? h('details', { class: 'small muted' }, h('summary', {}, 'How is this computed?'), h('p', {}, total.method + ', for journey instances that started in the period.')) : null));
}

function kpiChart(data, key, label, unit) {
  const rows = data.journeys.filter((j) => j[key].responses > 0)
    .map((j) => ({ label: nameOf(j.journey), value: j[key].value, low: j[key].low, high: j[key].high, n: j[key].responses }));
  if (!rows.length) return card(label + ' by journey', notice('No ' + label + ' answers in this period.'));
  return chartCard(label + ' by journey', `${label} per journey with 95 % intervals`, barsWithIntervals(rows, unit), [
    { key: 'label', label: 'Journey' }, { key: 'value', label, num: true, fmt: (v) => num(v, 1) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => num(v, 1) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => num(v, 1) },
    { key: 'n', label: 'Responses', num: true, fmt: (v) => num(v) }], rows);
}

/** Monthly NPS of one journey: the line with its 95 % intervals, and the answers (n) behind each month as bars. */
function trendCard(data) {
  const journeys = [...new Set(data.trend.map((t) => t.journey))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  if (!journeys.length) return card('NPS trend by month', notice('No NPS answers in this period.'));
  if (!journeys.includes(trendJourney)) trendJourney = journeys[0];
  const sel = h('select', { id: 'trend-journey', onchange: () => { trendJourney = sel.value; sec.replaceWith(trendCard(data)); } },
    journeys.map((j) => h('option', { value: j, selected: j === trendJourney }, nameOf(j))));
  const rows = data.trend.filter((t) => t.journey === trendJourney && t.nps.responses > 0).sort((a, b) => a.month.localeCompare(b.month))
    .map((t) => ({ month: t.month, nps: t.nps.value, low: t.nps.low, high: t.nps.high, n: t.nps.responses }));
  // a month with under 5 answers has an interval too wide to read as a trend: its bar (n) shows, its point does not
  const shown = (r) => r.n >= 5;
  const option = {
    grid: { left: 56, right: 64, top: 44, bottom: 40 }, legend: { top: 0 },
    tooltip: { trigger: 'axis', formatter: (ps) => { const r = rows[ps[0].dataIndex];
      return `${r.month}<br>NPS ${num(r.nps, 1)} (95 % ${num(r.low, 1)} to ${num(r.high, 1)})<br>n ${num(r.n)} answers`; } },
    xAxis: { type: 'category', data: rows.map((r) => r.month), name: 'month', nameLocation: 'middle', nameGap: 26 },
    yAxis: [{ type: 'value', name: 'NPS', min: -100, max: 100, nameTextStyle: { align: 'left' } },
      { type: 'value', name: 'answers (n)', nameTextStyle: { align: 'right' }, splitLine: { show: false } }],
    series: [{ type: 'bar', name: 'answers (n)', yAxisIndex: 1, data: rows.map((r) => r.n), itemStyle: { color: '#c9d6e8' }, barMaxWidth: 28, z: 1 },
      { type: 'line', name: 'NPS', data: rows.map((r) => (shown(r) ? r.nps : null)), connectNulls: true, symbolSize: 6, z: 5 },
      errorBars(rows.map((r, i) => [i, shown(r) ? r.low : null, shown(r) ? r.high : null]))],
  };
  const chart = chartCard('NPS trend by month', `monthly NPS of ${nameOf(trendJourney)} with 95 % intervals and the number of answers`, option, [
    { key: 'month', label: 'Month' }, { key: 'nps', label: 'NPS', num: true, fmt: (v) => num(v, 1) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => num(v, 1) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => num(v, 1) },
    { key: 'n', label: 'Answers (n)', num: true, fmt: (v) => num(v) }], rows, { wide: true, file: 'nps-trend-' + trendJourney });
  chart.id = 'nps-trend';
  chart.querySelector('h2').after(h('div', { class: 'toolbar' }, h('div', {}, h('label', { for: 'trend-journey' }, 'Journey'), sel),
    h('p', { class: 'muted small' }, 'Points need at least 5 answers; bars show the answers per month.')));
  const sec = chart;
  return sec;
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
      // the journey names wrap inside the 110 px margin (axisLabel width 96): containLabel would misplace wrapped labels
      grid: { left: 110, right: 50, top: 10, bottom: 40, containLabel: false }, tooltip: {},
      xAxis: { type: 'value', max: 100, name: 'converted (%)', nameLocation: 'middle', nameGap: 24 }, yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 96, overflow: 'break', lineHeight: 13 } },
      series: [{ type: 'bar', data: rows.map((r) => r.conversion === null ? null : Math.round(r.conversion * 1000) / 10), barMaxWidth: 28,
        label: { show: true, position: 'right', formatter: '{c} %' } }] }, cols, rows);
    sec.replaceWith(chart);
  }).catch((e) => sec.append(notice(e.message)));
  return sec;
}

function painCard(pains, cur) {
  if (!pains) return card('Top pain points', notice('No data yet: pain points (/api/painpoints) are not available on this server.'));
  const rows = pains.painPoints.slice(0, 6);
  const cols = [{ key: 'rank', label: '#', num: true }, { key: 'journey', label: 'Journey', fmt: nameOf }, { key: 'stage', label: 'Stage' },
    { key: 'summary', label: 'What' }, { key: 'affectedCustomers', label: 'Customers', num: true, fmt: (v) => num(v) },
    { key: 'valueAtStake', label: 'Value at stake (' + cur + ')', num: true, fmt: (v) => money(v, cur) }];
  // full width: the summaries are sentences, and a half-width card would clip or squeeze them
  return wideCard('Top pain points', rows.length ? table('Pain points ranked by value at stake', cols, rows) : notice('No pain points found.'),
    rows.length ? dataBeside('pain-points', cols, pains.painPoints) : null);
}

function feedbackCard(feedback) {
  if (!feedback.length) return card('Recent feedback', notice('No comments in this period.'));
  return h('section', { class: 'card wide', 'aria-label': 'Recent feedback' }, h('h2', {}, 'Recent feedback'),
    h('ul', { class: 'timeline' }, feedback.map((f) => h('li', {},
      h('div', { class: 'ch' }, `${when(f.at)} · ${nameOf(f.journey)} / ${f.stage || '–'} · ${f.survey} ${String(f.scale).toUpperCase()} ${f.score} · `,
        h('a', { href: '#/customers/' + f.customerId }, 'customer ' + f.customerId)),
      h('q', {}, f.comment)))),
    h('p', {}, h('a', { href: '#/feedback' }, 'All feedback →')));
}


function wideCard(title, ...children) {
  return h('section', { class: 'card wide', 'aria-label': title }, h('h2', {}, title), ...children);
}
