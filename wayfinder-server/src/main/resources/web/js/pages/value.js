// Value: CLV distribution, value segments, holdout diagnostic. Shown from the value API when the
// server has one; until then the page says so and points at the CLI that computes them from files.
import { optional } from '../api.js';
import { h, num, notice, card, loading } from '../ui.js';
import { chartCard } from '../charts.js';

export async function render(main, _args, current) {
  loading(main, 'Value');
  const clv = await optional('/api/clv');
  if (!current()) return;
  if (!clv) {
    main.replaceChildren(h('h1', {}, 'Value'), notice('No data yet: this server has no value API (/api/clv). '
      + 'Customer lifetime value, value segments and the holdout diagnostic are computed today by the CLI: '
      + 'wayfinder clv fit --json (see docs/clv.md).'));
    return;
  }
  const dist = clv.distribution || [];
  const segments = clv.segments || [];
  const tracking = (clv.holdout && clv.holdout.tracking) || [];
  main.replaceChildren(h('h1', {}, 'Value'), h('div', { class: 'grid' },
    dist.length ? chartCard('CLV distribution', 'customers per lifetime-value bucket', { grid: { left: 60, right: 20, top: 20, bottom: 40 }, tooltip: {},
      xAxis: { type: 'category', data: dist.map((d) => d.label) }, yAxis: { type: 'value', name: 'customers' }, series: [{ type: 'bar', data: dist.map((d) => d.customers) }] },
    [{ key: 'label', label: 'CLV' }, { key: 'customers', label: 'Customers', num: true }], dist) : card('CLV distribution', notice('No distribution.')),
    segments.length ? chartCard('Value segments', 'customers and value per segment', { tooltip: {}, series: [{ type: 'pie', radius: ['35%', '70%'],
      data: segments.map((s) => ({ name: s.name, value: s.value })) }] },
    [{ key: 'name', label: 'Segment' }, { key: 'customers', label: 'Customers', num: true }, { key: 'value', label: 'Value', num: true, fmt: (v) => num(v) }], segments)
      : card('Value segments', notice('No segments.')),
    tracking.length ? chartCard('Holdout diagnostic', 'cumulative repeat transactions, actual against predicted', { grid: { left: 60, right: 20, top: 30, bottom: 40 },
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, xAxis: { type: 'category', data: tracking.map((t) => t.period) }, yAxis: { type: 'value' },
      series: [{ type: 'line', name: 'actual', data: tracking.map((t) => t.actual) }, { type: 'line', name: 'predicted', data: tracking.map((t) => t.predicted) }] },
    [{ key: 'period', label: 'Period' }, { key: 'actual', label: 'Actual', num: true }, { key: 'predicted', label: 'Predicted', num: true }], tracking, { wide: true })
      : card('Holdout diagnostic', notice('No holdout period.'))));
}
