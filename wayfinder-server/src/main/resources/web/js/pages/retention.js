// Retention (POST /api/retention): the cohort triangle as a heat map and the curves with their 95 % intervals.
import { get, post, has } from '../api.js';
import { h, num, pct, notice, card, loading } from '../ui.js';
import { chartCard } from '../charts.js';

const UNITS = ['day', 'week', 'month'];

export async function render(main, _args, current) {
  loading(main, 'Retention');
  const events = await get('/api/web/events');
  if (!current()) return;
  const select = (id, values, selected, labels = values) => h('select', { id },
    values.map((v, i) => h('option', { value: v, selected: v === selected }, labels[i])));
  const period = select('retention-period', UNITS, 'week');
  const cohortBy = select('retention-cohort-by', UNITS, 'month');
  const mode = select('retention-mode', ['exact', 'onOrAfter'], 'exact', ['in period N', 'in period N or later']);
  const returning = select('retention-returning', [''].concat(events.events.map((e) => e.name)), '', ['any event'].concat(events.events.map((e) => e.name)));
  const periods = h('input', { id: 'retention-periods', type: 'number', min: 1, max: 400, value: 12, size: 4 });
  const out = h('div', { class: 'grid', id: 'retention-result' });
  const run = async () => {
    out.replaceChildren(h('p', { role: 'status' }, 'Running…'));
    if (!(await has('/api/retention', 'POST'))) {
      out.replaceChildren(notice('Retention (/api/retention) is not available on this server.'));
      return;
    }
    try {
      const q = { period: period.value, cohortBy: cohortBy.value, mode: mode.value, periods: Number(periods.value) };
      if (returning.value) q.returning = { event: returning.value };
      out.replaceChildren(...view(await post('/api/retention', q)));
    } catch (err) { out.replaceChildren(notice(err.message)); }
  };
  const form = h('form', { class: 'toolbar', id: 'retention-form', 'aria-label': 'Retention query', onsubmit: (e) => { e.preventDefault(); run(); } },
    h('div', {}, h('label', { for: 'retention-cohort-by' }, 'Cohorts by'), cohortBy),
    h('div', {}, h('label', { for: 'retention-period' }, 'Returned after'), period),
    h('div', {}, h('label', { for: 'retention-periods' }, 'Periods'), periods),
    h('div', {}, h('label', { for: 'retention-mode' }, 'Counted'), mode),
    h('div', {}, h('label', { for: 'retention-returning' }, 'Returning on'), returning),
    h('button', { type: 'submit', class: 'primary', id: 'run-retention' }, 'Show retention'));
  main.replaceChildren(h('h1', {}, 'Retention'), card('Do customers come back?',
    h('p', { class: 'muted' }, 'Customers by the calendar period of their first event; each cell is the share who came back N periods later (UTC calendar periods). Empty cells have not begun yet.'),
    form), out);
  await run();
}

function view(r) {
  const unit = r.query.period;
  const offsets = r.all.cells.map((c) => c.offset);
  const rows = r.rows.map((row) => ({ group: row.group, customers: row.customers, cells: row.cells }));
  const heat = [];
  rows.forEach((row, y) => row.cells.forEach((c) => { if (c.rate !== null) heat.push([c.offset, y, Math.round(c.rate * 1000) / 10]); }));
  const columns = [{ key: 'group', label: 'Cohort' }, { key: 'customers', label: 'Customers', num: true, fmt: (v) => num(v) }]
    .concat(offsets.map((o) => ({ key: 'c' + o, label: unit + ' ' + o, num: true,
      fmt: (_v, row) => pct(row.cells[o].rate), csv: (row) => row.cells[o].rate })));
  const triangle = chartCard(`Retention by ${r.query.cohortBy} cohort (${num(r.customers)} customers)`,
    'heat map: rows are cohorts, columns the ' + unit + 's since acquisition, colour the share who came back', {
      grid: { left: 80, right: 20, top: 10, bottom: 60 },
      tooltip: { formatter: (p) => `${rows[p.value[1]].group}, ${unit} ${p.value[0]}: ${p.value[2]} %` },
      xAxis: { type: 'category', data: offsets.map(String), name: unit + 's after', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', inverse: true, data: rows.map((x) => x.group) },
      visualMap: { min: 0, max: Math.max(1, ...heat.map((d) => d[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
      series: [{ type: 'heatmap', data: heat, label: { show: offsets.length <= 16, fontSize: 10, formatter: (p) => p.value[2] } }],
    }, columns, rows, { wide: true, tall: rows.length > 12, file: 'retention' });
  triangle.id = 'retention-triangle';
  // curves: all customers with its 95 % band, then each cohort
  const observed = r.all.cells.filter((c) => c.rate !== null);
  const line = (row) => ({ type: 'line', name: row.group, data: row.cells.filter((c) => c.rate !== null).map((c) => [c.offset, c.rate * 100]), symbolSize: 4 });
  const curveCols = [{ key: 'offset', label: unit, num: true }, { key: 'eligible', label: 'Eligible', num: true, fmt: (v) => num(v) },
    { key: 'returned', label: 'Returned', num: true, fmt: (v) => num(v) }, { key: 'rate', label: 'Rate', num: true, fmt: (v) => pct(v) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => pct(v) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => pct(v) }];
  const curves = chartCard('Retention curves with 95 % intervals', 'share who came back per ' + unit + ' after acquisition; the band is the 95 % Wilson interval of all customers', {
    grid: { left: 50, right: 20, top: 40, bottom: 40 }, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'value', name: unit + 's after', nameLocation: 'middle', nameGap: 26, minInterval: 1 }, yAxis: { type: 'value', name: '%' },
    series: [
      { type: 'line', name: '95 % band', stack: 'band', data: observed.map((c) => [c.offset, c.low * 100]), lineStyle: { opacity: 0 }, symbol: 'none' },
      { type: 'line', name: '95 % band', stack: 'band', data: observed.map((c) => [c.offset, (c.high - c.low) * 100]), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { opacity: 0.25 } },
      { ...line(r.all), name: 'all customers', lineStyle: { width: 3 } }].concat(rows.slice(0, 12).map(line)),
  }, curveCols, r.all.cells, { wide: true, file: 'retention-curve' });
  curves.id = 'retention-curves';
  return [triangle, curves];
}
