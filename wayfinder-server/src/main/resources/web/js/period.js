// The period selector: windows that end where the history ends (the latest event, unless a few
// events follow a long silence: see DataEnd), so historical data reads well and a stray live event
// does not shrink "last 12 months" to a sliver.
import { get } from './api.js';
import { h } from './ui.js';

let last = null;
const choices = [['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last 12 months'], ['all', 'All time']];

async function lastEvent() {
  if (!last) {
    const stats = await get('/api/stats');
    last = stats.dataEnd || stats.lastEvent;
  }
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
