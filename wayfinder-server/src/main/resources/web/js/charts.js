// ECharts helpers: every chart is labelled for screen readers and has its data in a table beside it.
import { h, dataBeside, escapeHtml } from './ui.js';

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
    textStyle: { fontFamily: 'system-ui, sans-serif' } }, textTooltips(roomForLabels(option))));
  live.add(chart);
  return chart;
}

/**
 * ECharts puts a tooltip formatter's string into innerHTML, and the values in it (event names,
 * journeys, comments) come from anyone with a write key. So every tooltip formatter function of a
 * chart returns text: its string is escaped here (line breaks kept), a DOM node passes as is.
 * ECharts escapes its default tooltips and string templates itself; labels are drawn on canvas.
 */
export function textTooltips(option) {
  const text = (out) => (typeof out === 'string' || typeof out === 'number' ? escapeHtml(out).replace(/\n/g, '<br>') : out);
  const wrap = (tip) => {
    if (!tip || typeof tip.formatter !== 'function') return tip;
    const f = tip.formatter;
    // An asynchronous formatter hands its result to ECharts' callback: that is escaped too.
    return { ...tip, formatter: (params, ticket, callback) => text(f(params, ticket, callback && ((t, out) => callback(t, text(out))))) };
  };
  const series = option.series && [].concat(option.series).map((s) => (s && s.tooltip ? { ...s, tooltip: wrap(s.tooltip) } : s));
  return { ...option, tooltip: Array.isArray(option.tooltip) ? option.tooltip.map(wrap) : wrap(option.tooltip),
    ...(series ? { series } : {}) };
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
    // the legend swatch takes the colour of the bars drawn, not the palette's next colour
    // encode: the value axis spans the intervals too, so no whisker runs past the top of the plot
    type: 'custom', name, z: 10, data, itemStyle: { color: '#1b2430' }, encode: { x: 0, y: [1, 2] },
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
    // containLabel: the axis labels count inside the chart's box, so none is cut at its edge
    grid: { left: rows.length > 5 ? 40 : 12, right: 20, top: 34, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    // a few groups: names wrap under their bar (rotated names were cut at the chart's left edge); many: rotated
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: rows.length > 5
      ? { interval: 0, rotate: 30, fontSize: 11, margin: 10 }
      : { interval: 0, fontSize: rows.length > 3 ? 10 : 11, width: Math.max(52, Math.floor(240 / rows.length)), overflow: 'break', lineHeight: 13 } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left' } },
    series: [{ type: 'bar', name: unit, data: rows.map((r) => r.value), barMaxWidth: 48 },
      errorBars(rows.map((r, i) => [i, r.low, r.high]))],
  };
}
