// The discovered flow as a Cytoscape graph, laid out by stage from left to right: one column per
// stage (in the journey's order, steps outside every stage last) headed by the stage's name, the
// steps of a stage stacked in flow order (see flowOrder) with room between rows for the labels of
// the edges that join them. Positions are in screen pixels at zoom 1, and the container grows to
// the tallest column, so labels keep their size however many stages and steps there are (a
// fitted graph would shrink them below readable on wide journeys).
import { duration } from '../ui.js';

const HEADER = 44;
const ROW = 84;
const BOX = 40;
const FONT = 12;

export function drawFlow(container, map) {
  if (!container.isConnected || !window.cytoscape) return;
  const max = Math.max(1, ...map.links.map((l) => l.count));
  const top = map.links.filter((l) => l.count >= max * 0.02 && l.from !== l.to);
  const used = new Set(top.flatMap((l) => [l.from, l.to]));
  const stages = map.stages.map((s) => s.name);
  const known = new Set(stages);
  const nodes = map.nodes.filter((n) => used.has(n.event));
  if (nodes.some((n) => !known.has(n.stage))) stages.push('(no stage)');
  const column = (n) => (known.has(n.stage) ? stages.indexOf(n.stage) : stages.length - 1);
  const colWidth = Math.max(140, container.clientWidth / Math.max(1, stages.length));
  const boxWidth = colWidth - 28;
  const rows = stages.map(() => 0);
  const elements = stages.map((s, c) => ({ data: { id: 'stage:' + s, label: s }, classes: 'stage',
    position: { x: (c + 0.5) * colWidth, y: HEADER / 2 }, selectable: false, grabbable: false }));
  stages.forEach((_, c) => {
    for (const n of flowOrder(nodes.filter((x) => column(x) === c), top, nodes.filter((x) => column(x) < c))) {
      elements.push({ data: { id: n.event, label: n.event + '\n' + n.customers, stage: n.stage ?? null },
        position: { x: (c + 0.5) * colWidth, y: HEADER + ROW / 2 + rows[c]++ * ROW } });
    }
  });
  container.style.height = Math.max(320, HEADER + ROW * Math.max(...rows, 1) + 16) + 'px';
  for (const l of top) {
    elements.push({ data: { id: l.from + '→' + l.to, source: l.from, target: l.to, w: 1 + 9 * l.count / max,
      label: l.count + (l.medianSeconds === null ? '' : ' · ' + duration(l.medianSeconds)) } });
  }
  window.cytoscape({ container, elements, layout: { name: 'preset', fit: false }, zoom: 1, pan: { x: 0, y: 0 },
    minZoom: 0.5, maxZoom: 2, userZoomingEnabled: false, style: [
      { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': (boxWidth - 8) + 'px', 'font-size': FONT,
        'text-valign': 'center', shape: 'round-rectangle', width: boxWidth, height: BOX, 'background-color': '#e3edf8',
        'border-color': '#0b5cad', 'border-width': 1, color: '#1b2430' } },
      { selector: 'node.stage', style: { 'font-size': FONT + 1, 'font-weight': 'bold', 'background-opacity': 0, 'border-width': 0,
        height: HEADER - 12, events: 'no' } },
      { selector: 'edge', style: { width: 'data(w)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8aa4c2',
        'target-arrow-color': '#8aa4c2', label: 'data(label)', 'font-size': 10, color: '#4d5968', 'text-background-color': '#fff',
        'text-background-opacity': 0.8 } }] });
}

/**
 * The steps of one column top to bottom as customers go through them: first the step most
 * customers enter from earlier columns (or the busiest), then each time the step the last one
 * leads to most, else the one the placed steps lead to most, else the busiest left.
 */
function flowOrder(column, links, earlier) {
  const left = new Set(column.map((n) => n.event));
  const before = new Set(earlier.map((n) => n.event));
  const byEvent = new Map(column.map((n) => [n.event, n]));
  const weight = (pick) => { const w = new Map(); for (const l of links) if (left.has(l.to) && pick(l)) w.set(l.to, (w.get(l.to) || 0) + l.count); return w; };
  const best = (w) => [...w.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const busiest = () => [...left].sort((a, b) => byEvent.get(b).customers - byEvent.get(a).customers)[0];
  const placed = [];
  let next = best(weight((l) => before.has(l.from))) || busiest();
  while (next !== undefined) {
    placed.push(next);
    left.delete(next);
    if (!left.size) break;
    const last = next;
    next = best(weight((l) => l.from === last)) || best(weight((l) => placed.includes(l.from))) || busiest();
  }
  return placed.map((e) => byEvent.get(e));
}
