// Value: CLV distribution, value segments, and the churn model's time-based holdout check, from
// the prediction API (/api/clv/*, /api/churn/*, /api/segments).
import { optional } from '../api.js';
import { h, num, notice, card, loading } from '../ui.js';
import { chartCard } from '../charts.js';

const BUCKETS = [0, 25, 50, 100, 200, 400, 800, 1600];

function distribution(scores) {
  const counts = BUCKETS.map((lo, i) => ({ label: i + 1 < BUCKETS.length ? `${lo}–${BUCKETS[i + 1]}` : `${lo}+`, customers: 0 }));
  for (const s of scores) {
    if (s.clv === null || s.clv === undefined) continue;
    let i = BUCKETS.length - 1;
    while (i > 0 && s.clv < BUCKETS[i]) i--;
    counts[i].customers++;
  }
  return counts;
}

export async function render(main, _args, current) {
  loading(main, 'Value');
  const [models, scores, segs, churn] = await Promise.all([optional('/api/clv/models?limit=1'),
    optional('/api/clv/scores?limit=100000&order=clv'), optional('/api/segments'), optional('/api/churn/models?limit=1')]);
  if (!current()) return;
  const model = models && models.models && models.models[0];
  if (!model) {
    main.replaceChildren(h('h1', {}, 'Value'), notice('No data yet: fit a CLV model with wayfinder clv fit '
      + '(or POST /api/clv/fit) and churn risk with wayfinder churn train; see docs/clv.md and docs/churn.md.'));
    return;
  }
  const dist = distribution((scores && scores.scores) || []);
  const segments = ((segs && segs.segments) || []).map((s) => ({ name: s.segment.replaceAll('_', ' '), customers: s.customers,
    value: s.clv, atStake: s.valueAtStake }));
  const c = churn && churn.models && churn.models[0];
  const bins = (c && c.metrics && c.metrics.holdout && c.metrics.holdout.reliability) || [];
  const holdout = c && c.metrics && c.metrics.holdout;
  main.replaceChildren(h('h1', {}, 'Value'),
    h('p', {}, `CLV model ${model.model} v${model.version}, fitted ${String(model.createdAt).slice(0, 10)} on ${num(model.customers)} customers`
      + (holdout ? ` · churn model holdout AUC ${num(holdout.auc, 3)}, Brier ${num(holdout.brier, 3)}` : '')),
    h('div', { class: 'grid' },
      chartCard('CLV distribution', 'customers per lifetime-value band', { grid: { left: 60, right: 20, top: 20, bottom: 40 }, tooltip: {},
        xAxis: { type: 'category', data: dist.map((d) => d.label) }, yAxis: { type: 'value', name: 'customers' },
        series: [{ type: 'bar', data: dist.map((d) => d.customers) }] },
      [{ key: 'label', label: 'CLV band' }, { key: 'customers', label: 'Customers', num: true }], dist),
      segments.length ? chartCard('Value segments', 'CLV per segment', { tooltip: {}, series: [{ type: 'pie', radius: ['35%', '70%'],
        data: segments.map((s) => ({ name: s.name, value: s.value })) }] },
      [{ key: 'name', label: 'Segment' }, { key: 'customers', label: 'Customers', num: true },
        { key: 'value', label: 'CLV', num: true, fmt: (v) => num(v) }, { key: 'atStake', label: 'Value at stake', num: true, fmt: (v) => num(v) }], segments)
        : card('Value segments', notice('No segments yet: run wayfinder churn train.')),
      bins.length ? chartCard('Holdout check (churn model)', 'observed churn against predicted risk on the later period the model never saw',
        { grid: { left: 60, right: 20, top: 30, bottom: 40 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
          xAxis: { type: 'category', data: bins.map((b) => num(b.meanPredicted, 2)) }, yAxis: { type: 'value', max: 1 },
          series: [{ type: 'line', name: 'observed', data: bins.map((b) => b.observedRate) }, { type: 'line', name: 'predicted', data: bins.map((b) => b.meanPredicted) }] },
        [{ key: 'meanPredicted', label: 'Predicted', num: true, fmt: (v) => num(v, 2) }, { key: 'observedRate', label: 'Observed', num: true, fmt: (v) => num(v, 2) },
          { key: 'rows', label: 'Customers', num: true }], bins, { wide: true })
        : card('Holdout check', notice('No churn model yet: run wayfinder churn train.'))));
}
