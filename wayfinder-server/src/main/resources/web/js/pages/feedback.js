// Feedback: verbatims filterable by journey, stage, survey type, score and sentiment; KPI
// breakdown with intervals; key-driver quadrant (importance × performance) from /api/drivers.
import { get, optional, qs } from '../api.js';
import { h, num, day, notice, card, table, loading, csvButton } from '../ui.js';
import { chartCard, barsWithIntervals } from '../charts.js';

const filters = { journey: '', stage: '', scale: 'nps', sentiment: '', minScore: '', maxScore: '' };

export async function render(main, _args, current) {
  loading(main, 'Feedback');
  const [data, drivers] = await Promise.all([get('/api/web/feedback' + qs({ ...filters, limit: 200 })),
    filters.journey ? optional('/api/drivers' + qs({ outcome: filters.scale || 'nps', journey: filters.journey })).catch(() => null) : null]);
  if (!current()) return;
  const journeys = filters.journey ? [filters.journey] : data.breakdown.map((b) => b.journey);
  const redo = () => render(main, [], current);
  const select = (key, label, options) => h('div', {}, h('label', { for: 'f-' + key }, label),
    h('select', { id: 'f-' + key, onchange: (e) => { filters[key] = e.target.value; if (key === 'journey') filters.stage = ''; redo(); } },
      options.map(([v, t]) => h('option', { value: v, selected: filters[key] === v }, t))));
  const number = (key, label) => h('div', {}, h('label', { for: 'f-' + key }, label),
    h('input', { id: 'f-' + key, type: 'number', min: 0, max: 10, value: filters[key], style: 'width:5em', onchange: (e) => { filters[key] = e.target.value; redo(); } }));
  const stages = data.breakdownBy === 'stage' ? data.breakdown.map((b) => b.stage) : [];
  const tools = h('form', { class: 'toolbar', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
    select('journey', 'Journey', [['', 'All journeys'], ...(filters.journey ? [filters.journey] : journeys).map((j) => [j, j])]),
    select('stage', 'Stage', [['', 'All stages'], ...stages.map((s) => [s, s])]),
    select('scale', 'Survey type', [['', 'All'], ['nps', 'NPS'], ['csat', 'CSAT'], ['ces', 'CES']]),
    number('minScore', 'Score from'), number('maxScore', 'to'),
    select('sentiment', 'Sentiment', [['', 'Any'], ['positive', 'Positive'], ['neutral', 'Neutral'], ['negative', 'Negative']]));
  main.replaceChildren(h('h1', {}, 'Feedback'), tools, h('div', { class: 'grid' },
    breakdownChart(data), driverCard(drivers, filters.journey), verbatims(data.responses)));
}

function breakdownChart(data) {
  const scale = filters.scale || 'nps';
  const by = data.breakdownBy;
  const rows = data.breakdown.filter((b) => b[scale].responses > 0)
    .map((b) => ({ label: b[by], value: b[scale].value, low: b[scale].low, high: b[scale].high, n: b[scale].responses }));
  if (!rows.length) return card(scale.toUpperCase() + ' by ' + by, notice('No answers match.'));
  return chartCard(scale.toUpperCase() + ' by ' + by, `${scale.toUpperCase()} per ${by} with 95 % intervals`, barsWithIntervals(rows, scale.toUpperCase()), [
    { key: 'label', label: by }, { key: 'value', label: scale.toUpperCase(), num: true, fmt: (v) => num(v, 1) },
    { key: 'low', label: '95 % low', num: true, fmt: (v) => num(v, 1) }, { key: 'high', label: '95 % high', num: true, fmt: (v) => num(v, 1) },
    { key: 'n', label: 'Responses', num: true }], rows);
}

function driverCard(drivers, journey) {
  if (!journey) return card('Key drivers', notice('Choose a journey to see what drives its score.'));
  const list = drivers && drivers.drivers;
  if (!list || !list.length) return card('Key drivers', notice('No data yet: no key-driver analysis for ' + journey + '.'));
  const rows = list.map((d) => ({ name: d.name, importance: d.rescaledPercent, performance: d.performanceIndex, quadrant: d.quadrant, sign: d.sign }));
  const xMax = Math.max(10, Math.ceil(Math.max(...rows.map((r) => r.importance)) / 10) * 10);
  const grid = { left: 70, right: 30, top: 30, bottom: 50, containLabel: false }; // placeLabels needs the plot's exact size
  const labels = placeLabels(rows, xMax, grid);
  return chartCard('Key drivers of ' + journey, 'importance against performance per driver', {
    grid, tooltip: { formatter: (p) => p.data.value[2] },
    xAxis: { type: 'value', min: 0, max: xMax, name: 'importance (% of R²)', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', min: 0, max: 100, name: 'performance (0–100)', nameLocation: 'middle', nameGap: 40 },
    series: [{ type: 'scatter', symbolSize: 14, data: rows.map((r, i) => ({ value: [r.importance, r.performance, r.name], label: labels[i] })),
      label: { show: true, position: 'right', formatter: (p) => String(p.data.value[2]), fontSize: 11, lineHeight: 14, width: LABEL_WIDTH, overflow: 'break' } }],
  }, [{ key: 'name', label: 'Driver' }, { key: 'importance', label: 'Importance', num: true, fmt: (v) => num(v, 1) },
    { key: 'performance', label: 'Performance', num: true, fmt: (v) => num(v, 1) }, { key: 'quadrant', label: 'Quadrant' }, { key: 'sign', label: 'Sign' }], rows, { wide: true });
}

const LABEL_WIDTH = 150;

/**
 * Where each driver's name goes in the quadrant: right of its dot, else left, above or below,
 * whichever first stays inside the plot and clear of the names placed before (drivers in order of
 * importance); a name with no free place is left off the chart (the table beside lists all).
 * ECharts' own labelLayout (moveOverlap, hideOverlap) left overlapping names on close dots.
 */
function placeLabels(rows, xMax, grid) {
  const width = (document.getElementById('main').clientWidth || 1200) - 2 * 40 - grid.left - grid.right;
  const height = 300 - grid.top - grid.bottom;
  const placed = [];
  const order = rows.map((r, i) => i).sort((a, b) => rows[b].importance - rows[a].importance);
  const out = [];
  for (const i of order) {
    const x = rows[i].importance / xMax * width;
    const y = (1 - rows[i].performance / 100) * height;
    const chars = String(rows[i].name).length;
    const w = Math.min(LABEL_WIDTH, chars * 6.3) + 4;
    const h = Math.ceil(chars * 6.3 / LABEL_WIDTH) * 14 + 4;
    const candidates = [['right', x + 10, y - h / 2], ['left', x - 10 - w, y - h / 2], ['top', x - w / 2, y - 10 - h], ['bottom', x - w / 2, y + 10]];
    const free = candidates.find(([, cx, cy]) => cx >= -grid.left + 4 && cx + w <= width + grid.right - 4 && cy >= -grid.top + 4 && cy + h <= height + grid.bottom - 20
      && !placed.some((p) => cx < p.x + p.w && p.x < cx + w && cy < p.y + p.h && p.y < cy + h)
      && !rows.some((r) => { const px = r.importance / xMax * width; const py = (1 - r.performance / 100) * height; return px > cx - 7 && px < cx + w + 7 && py > cy - 7 && py < cy + h + 7; }));
    if (free) placed.push({ x: free[1], y: free[2], w, h });
    out[i] = free ? { show: true, position: free[0] } : { show: false };
  }
  return out;
}

function verbatims(rows) {
  const cols = [{ key: 'at', label: 'Date', fmt: day }, { key: 'journey', label: 'Journey' }, { key: 'stage', label: 'Stage' },
    { key: 'survey', label: 'Survey' }, { key: 'score', label: 'Score', num: true },
    { key: 'sentimentClass', label: 'Sentiment', cell: (r) => r.sentimentClass ? h('span', { class: 'pill ' + r.sentimentClass.slice(0, 3) }, r.sentimentClass + ' ' + num(r.sentiment, 2)) : '–' },
    { key: 'comment', label: 'Comment' },
    { key: 'customerId', label: 'Customer', cell: (r) => h('a', { href: '#/customers/' + r.customerId }, '#' + r.customerId) }];
  return h('section', { class: 'card wide', 'aria-label': 'Responses' }, h('h2', {}, 'Responses (' + rows.length + ', newest first)'),
    rows.length ? table('Survey responses matching the filters', cols, rows) : notice('No responses match.'), csvButton('feedback.csv', cols, rows));
}
