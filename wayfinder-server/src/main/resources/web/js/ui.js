// Small DOM helpers: elements, numbers, tables with CSV download, notices.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/**
 * Text made safe inside an HTML string. The pages build the DOM with text nodes (h above); this is
 * for the few places that take HTML, such as ECharts tooltips: event names, properties, traits and
 * comments come from anyone holding a write key.
 */
export const escapeHtml = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const num = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
  : Number(v).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
export const pct = (v, d = 1) => (v === null || v === undefined) ? '–' : num(v * 100, d) + ' %';
export const day = (iso) => iso ? String(iso).slice(0, 10) : '–';
export const when = (iso) => iso ? String(iso).slice(0, 16).replace('T', ' ') : '–';
export function duration(s) {
  if (s === null || s === undefined) return '–';
  if (s < 90) return num(s) + ' s';
  if (s < 5400) return num(s / 60) + ' min';
  if (s < 172800) return num(s / 3600, 1) + ' h';
  return num(s / 86400, 1) + ' d';
}
export const kpiText = (k) => !k || k.value === null || k.value === undefined ? '–'
  : num(k.value, 1) + (k.low === null || k.low === undefined ? '' : ' [' + num(k.low, 1) + ', ' + num(k.high, 1) + ']');

export function notice(text) {
  return h('p', { class: 'notice', role: 'status' }, text);
}

export function card(title, ...children) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
}

/** columns: [{key, label, num?, fmt?(value,row), cell?(row) -> Node}] */
export function table(caption, columns, rows) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('caption', { class: 'muted small', style: 'text-align:left' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null },
      c.cell ? c.cell(r) : (c.fmt ? c.fmt(r[c.key], r) : (r[c.key] ?? '–')))))))));
}

export function csvButton(filename, columns, rows) {
  return h('button', { type: 'button', class: 'link', onclick: () => download(filename, columns, rows) }, 'Download CSV');
}

/**
 * One CSV cell. Text starting with = + - @ (or a tab or carriage return) is what spreadsheets run as
 * a formula, so such text gets a leading apostrophe (OWASP's advice); numbers stay numbers.
 */
export function csvCell(v) {
  let s = v === null || v === undefined ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The CSV text of a table: a header line of the labels, then one line a row. */
export function csvText(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')]
    .concat(rows.map((r) => columns.map((c) => csvCell(c.csv ? c.csv(r) : r[c.key])).join(',')));
  return lines.join('\n') + '\n';
}

function download(filename, columns, rows) {
  const url = URL.createObjectURL(new Blob([csvText(columns, rows)], { type: 'text/csv' }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The data of a chart, folded under it: a table and its CSV. */
export function dataBeside(name, columns, rows) {
  return h('details', { class: 'data' }, h('summary', {}, 'Data table'), table(name, columns, rows), csvButton(name + '.csv', columns, rows));
}

export function loading(main, title) {
  main.replaceChildren(h('h1', {}, title), h('p', { class: 'muted', role: 'status' }, 'Loading…'));
}

/** An amount in a currency (ISO 4217 code from the settings), e.g. "US$1,234" or "€1,234". */
export const money = (v, currency, d = 0) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
  : Number(v).toLocaleString('en', { style: 'currency', currency: currency || 'EUR', minimumFractionDigits: d, maximumFractionDigits: d });
