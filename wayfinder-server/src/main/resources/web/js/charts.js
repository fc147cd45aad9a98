// ECharts helpers: every chart is labelled for screen readers and has its data in a table beside it.
import { h, dataBeside } from './ui.js';

const live = new Set();
const palette = ['#0b5cad', '#c0392b', '#1e7b34', '#8a5300', '#6a3d9a', '#00798c', '#7f7f7f'];

export function disposeAll() {
  for (const c of live) c.dispose();
  live.clear();
}
window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/** A chart in a card: title, chart (role img with a label), then its data as a table and CSV. */
export function chartCard(title, describe, option, columns, rows, opts = {}) {
  const div = h('div', { class: 'chart' + (opts.tall ? ' tall' : ''), role: 'img', 'aria-label': title + ': ' + describe });
  const sec = h('section', { class: 'card' + (opts.wide ? ' wide' : ''), 'aria-label': title }, h('h2', {}, title), div,
    dataBeside(opts.file || title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), columns, rows));
  requestAnimationFrame(() => draw(div, option));
  return sec;
}

export function draw(div, option) {
  if (!div.isConnected) return;
  const chart = window.echarts.init(div, null, { renderer: 'canvas' });
  chart.setOption(Object.assign({ color: palette, aria: { enabled: true }, animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif' } }, roomForLabels(option)));
  live.add(chart);
  return chart;
}

/**
 * Room for the texts ECharts draws outside the plot, which it otherwise cuts at the canvas edge:
 * axis labels (a long category name lost its first letters) unless a chart says otherwise, and
 * value labels beside bars (a bar at the axis maximum lost its "99.6 %").
 */
function roomForLabels(option) {
  const grid = option.grid;
  if (!grid || Array.isArray(grid)) return option;
  if (grid.containLabel === undefined) {
    grid.containLabel = true;
    // a left margin for category names is no longer needed: the grid now holds them itself
    if ([].concat(option.yAxis || []).some((a) => a.type === 'category')) grid.left = Math.min(grid.left ?? 16, 16);
  }
  // a y-axis name sits above the axis: it needs the top margin (one was cut at the top edge)
  if ([].concat(option.yAxis || []).some((a) => a.name && (a.nameLocation || 'end') === 'end')) grid.top = Math.max(grid.top || 0, 32);
  const labelled = (pos) => [].concat(option.series || []).some((s) => s.type === 'bar' && s.label && s.label.show && s.label.position === pos);
  if (labelled('right')) grid.right = Math.max(grid.right || 0, 64);
  if (labelled('top')) grid.top = Math.max(grid.top || 0, 28);
  return option;
}

/** Error bars for a category axis: data [[categoryIndex, low, high], ...]. */
export function errorBars(data, name = '95 % interval') {
  return {
    type: 'custom', name, z: 10, data,
    renderItem: (params, api) => {
      const x = api.value(0);
      if (api.value(1) === null || Number.isNaN(api.value(1))) return null;
      const lo = api.coord([x, api.value(1)]);
      const hi = api.coord([x, api.value(2)]);
      const w = 6;
      const style = { stroke: '#1b2430', lineWidth: 1.5 };
      return { type: 'group', children: [
        { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
        { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style },
        { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style }] };
    },
  };
}

/** A bar per group with its 95 % interval. rows: [{label, value, low, high}] */
export function barsWithIntervals(rows, unit) {
  return {
    grid: { left: 50, right: 20, top: 34, bottom: 70 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 2 ? 25 : 0, fontSize: 11 } },
    yAxis: { type: 'value', name: unit },
    series: [{ type: 'bar', name: unit, data: rows.map((r) => r.value), barMaxWidth: 48 },
      errorBars(rows.map((r, i) => [i, r.low, r.high]))],
  };
}
