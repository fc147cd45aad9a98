// The period selector: windows that end at the latest event, so historical (demo) data reads well.
// "Latest" is the server's windowEnd: the latest event not beyond tomorrow, so a far-future outlier
// cannot leave every default window empty.
import { get } from './api.js';
import { h } from './ui.js';

let last = null;
const choices = [['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last 12 months'], ['all', 'All time']];

async function lastEvent() {
  if (!last) last = (await get('/api/stats')).windowEnd;
  return last;
}

/** {from, to} for a choice: the N days up to and including the latest event's day (a `to` date includes its day). */
export async function range(choice) {
  const end = await lastEvent();
  if (!end || choice === 'all') return {};
  const to = new Date(end);
  to.setUTCHours(0, 0, 0, 0);
  const from = new Date(to.getTime() - (Number(choice) - 1) * 86400000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** extra: more [value, label] choices after the standard ones (e.g. a custom range). */
export function periodSelect(id, value, onChange, extra = []) {
  const sel = h('select', { id, onchange: () => onChange(sel.value) },
    choices.concat(extra).map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  return h('div', {}, h('label', { for: id }, 'Period'), sel);
}
