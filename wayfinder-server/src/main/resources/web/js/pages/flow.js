// The discovered flow as a Cytoscape graph: steps placed in their stage's column, edges as wide as
// their volume and labelled with the median wait.
import { duration } from '../ui.js';

export function drawFlow(container, map) {
  if (!container.isConnected || !window.cytoscape) return;
  const stageIndex = new Map(map.stages.map((s, i) => [s.name, i]));
  const rowInStage = new Map();
  const max = Math.max(1, ...map.links.map((l) => l.count));
  const top = map.links.filter((l) => l.count >= max * 0.02 && l.from !== l.to);
  const used = new Set(top.flatMap((l) => [l.from, l.to]));
  const elements = map.nodes.filter((n) => used.has(n.event)).map((n) => {
    const col = stageIndex.has(n.stage) ? stageIndex.get(n.stage) : map.stages.length;
    const row = rowInStage.get(col) || 0;
    rowInStage.set(col, row + 1);
    return { data: { id: n.event, label: n.event + '\n' + n.customers }, position: { x: col * 260 + (row % 2) * 60, y: row * 80 } };
  });
  for (const l of top) {
    elements.push({ data: { id: l.from + '→' + l.to, source: l.from, target: l.to, w: 1 + 9 * l.count / max,
      label: l.count + (l.medianSeconds === null ? '' : ' · ' + duration(l.medianSeconds)) } });
  }
  window.cytoscape({ container, elements, layout: { name: 'preset' }, style: [
    { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 11, 'text-valign': 'center', shape: 'round-rectangle',
      width: 130, height: 40, 'background-color': '#e3edf8', 'border-color': '#0b5cad', 'border-width': 1, color: '#1b2430' } },
    { selector: 'edge', style: { width: 'data(w)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8aa4c2',
      'target-arrow-color': '#8aa4c2', label: 'data(label)', 'font-size': 9, color: '#4d5968', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } }] });
}
