// Value: CLV distribution, value segments, and the churn model's time-based holdout check, from
// the prediction API (/api/clv/*, /api/churn/*, /api/segments), and the high-value customers at risk.
import { optional } from '../api.js';
import { h, num, pct, day, notice, card, loading, money, table, csvButton } from '../ui.js';
import { chartCard } from '../charts.js';

const BUCKETS = [0, 25, 50, 100, 200, 400, 800, 1600];

function distribution(scores, cur) {
  const m = (v) => money(v, cur);
  const counts = BUCKETS.map((lo, i) => ({ label: i + 1 < BUCKETS.length ? `${m(lo)}–${m(BUCKETS[i + 1])}` : `${m(lo)}+`, customers: 0 }));
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
  const [models, scores, segs, churn, risk] = await Promise.all([optional('/api/clv/models?limit=1'),
    optional('/api/clv/scores?limit=100000&order=clv'), optional('/api/segments'), optional('/api/churn/models?limit=1'),
    optional('/api/web/value/at-risk?limit=50')]);
  const cur = (risk && risk.currency) || 'EUR';
  if (!current()) return;
  const model = models && models.models && models.models[0];
  if (!model) {
    main.replaceChildren(h('h1', {}, 'Value'), notice('No data yet: fit a CLV model with wayfinder clv fit '
      + '(or POST /api/clv/fit) and churn risk with wayfinder churn train; see docs/clv.md and docs/churn.md.'));
    return;
  }
  const dist = distribution((scores && scores.scores) || [], cur);
  const segments = ((segs && segs.segments) || []).map((s) => ({ name: s.segment.replaceAll('_', ' '), customers: s.customers,
    value: s.clv, atStake: s.valueAtStake }));
  const c = churn && churn.models && churn.models[0];
  const bins = (c && c.metrics && c.metrics.holdout && c.metrics.holdout.reliability) || [];
  const holdout = c && c.metrics && c.metrics.holdout;
  main.replaceChildren(h('h1', {}, 'Value'),
    h('p', { id: 'model-line' }, `CLV model ${model.model} v${model.version}, values as of ${day(model.windowEnd)} (fitted ${day(model.createdAt)}) `
      + `on ${num(model.customers)} customers, in ${cur}`
      + (holdout ? ` · churn model holdout AUC ${num(holdout.auc, 3)}, Brier ${num(holdout.brier, 3)}` : '')),
    h('div', { class: 'grid' },
      chartCard('CLV distribution', 'customers per lifetime-value band', { grid: { left: 60, right: 20, top: 30, bottom: 80 }, tooltip: {},
        xAxis: { type: 'category', data: dist.map((d) => d.label), name: 'lifetime value (' + cur + ')', nameLocation: 'middle', nameGap: 44,
          axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
        yAxis: { type: 'value', name: 'customers', nameTextStyle: { align: 'left' } },
        series: [{ type: 'bar', data: dist.map((d) => d.customers) }] },
      [{ key: 'label', label: 'CLV band' }, { key: 'customers', label: 'Customers', num: true }], dist),
      segments.length ? chartCard('Value segments', 'CLV per segment', { tooltip: {}, legend: { bottom: 0, itemGap: 12 },
        // names in the legend, only the short share beside the ring: a segment name beside a narrow card's ring was cut off
        series: [{ type: 'pie', radius: ['30%', '55%'], center: ['50%', '44%'],
        label: { formatter: (p) => Math.round(p.percent) + ' %', overflow: 'none' }, labelLine: { length: 8, length2: 6 },
        data: segments.map((s) => ({ name: s.name, value: s.value })) }] },
      [{ key: 'name', label: 'Segment' }, { key: 'customers', label: 'Customers', num: true },
        { key: 'value', label: 'CLV', num: true, fmt: (v) => money(v, cur) }, { key: 'atStake', label: 'Value at stake', num: true, fmt: (v) => money(v, cur) }], segments)
        : card('Value segments', notice('No segments yet: run wayfinder churn train.')),
      bins.length ? chartCard('Holdout check (churn model)', 'observed churn against predicted risk on the later period the model never saw',
        { grid: { left: 60, right: 20, top: 30, bottom: 40 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
          xAxis: { type: 'category', data: bins.map((b) => num(b.meanPredicted, 2)), name: 'predicted churn risk', nameLocation: 'middle', nameGap: 26 },
          yAxis: { type: 'value', max: 1, name: 'churn rate', nameTextStyle: { align: 'left' } },
          series: [{ type: 'line', name: 'observed', data: bins.map((b) => b.observedRate) }, { type: 'line', name: 'predicted', data: bins.map((b) => b.meanPredicted) }] },
        [{ key: 'meanPredicted', label: 'Predicted', num: true, fmt: (v) => num(v, 2) }, { key: 'observedRate', label: 'Observed', num: true, fmt: (v) => num(v, 2) },
          { key: 'rows', label: 'Customers', num: true }], bins, { wide: true })
        : card('Holdout check', notice('No churn model yet: run wayfinder churn train.')),
      atRiskCard(risk, cur)));
}

/** The high-value customers at risk, most value at stake first, each linked to their profile. */
function atRiskCard(risk, cur) {
  const title = 'High-value customers at risk';
  if (!risk) return card(title, notice('No data yet: this server has no at-risk list (/api/web/value/at-risk).'));
  if (!risk.customers.length) return card(title, notice('No customer is in the high value at risk segment.'));
  const cols = [{ key: 'id', label: 'Customer', cell: (r) => h('a', { href: '#/customers/' + r.id, class: 'customer-link' }, r.name || r.userId || ('#' + r.id)),
    csv: (r) => r.id }, { key: 'userId', label: 'User id' },
  { key: 'clv', label: 'CLV (' + cur + ')', num: true, fmt: (v) => money(v, cur) },
  { key: 'churnRisk', label: 'Churn risk', num: true, fmt: (v, r) => pct(v === null || v === undefined ? 1 - r.pAlive : v) },
  { key: 'valueAtStake', label: 'Value at stake (' + cur + ')', num: true, fmt: (v) => money(v, cur) }];
  return h('section', { class: 'card wide', 'aria-label': title, id: 'at-risk' }, h('h2', {}, title),
    table(`The ${num(risk.customers.length)} with most value at stake, of ${num(risk.total)} in the segment (CLV × churn risk)`, cols, risk.customers),
    csvButton('at-risk-customers.csv', cols, risk.customers));
}
