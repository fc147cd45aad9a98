// Finds clipped or overlapping text on the current page; returns a list of problems (strings).
// Run by PageOverflowBrowserTest through WebDriver's executeScript.
const problems = [];
const describe = (el) => {
  const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' "' + (el.value || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50) + '"';
};
const shown = (el) => {
  const r = el.getBoundingClientRect();
  return r.width >= 1 && r.height >= 1 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
};
const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
const hasText = (el) => (el.textContent || '').trim() !== '' || ((el.tagName === 'INPUT' || el.tagName === 'SELECT') && el.value);
const clipping = (cs) => ['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY) || cs.textOverflow === 'ellipsis';
const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
const inChart = (el) => el.closest('.chart, #graph');

if (document.documentElement.scrollWidth > innerWidth + 1) {
  problems.push('page is wider than the window: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
}
const elements = [...document.querySelectorAll('body *')].filter((el) => !inChart(el) && shown(el));
for (const el of elements) {
  const cs = getComputedStyle(el);
  const control = el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
  // text that is cut off: by overflow hidden/clip/ellipsis, or in a form control narrower than its value
  if (hasText(el) && (clipping(cs) || (control && el.tagName !== 'SELECT')) && !(el.tagName === 'TEXTAREA')) {
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      problems.push('clipped text (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + '): ' + describe(el));
    }
  }
  // text running out of its own box (overflow visible) spills over its neighbours
  if (ownText(el) && !control && cs.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
      && !['auto', 'scroll'].includes(cs.overflowX)) {
    problems.push('text wider than its box (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + describe(el));
  }
  // siblings holding text must not overlap each other
  const kids = [...el.children].filter((k) => hasText(k) && shown(k) && !inChart(k) && !['absolute', 'fixed'].includes(getComputedStyle(k).position));
  if (kids.length > 1 && kids.length < 200) {
    const boxes = kids.map((k) => k.getBoundingClientRect());
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        if (overlap(boxes[i], boxes[j])) problems.push('overlapping text: ' + describe(kids[i]) + ' and ' + describe(kids[j]));
      }
    }
  }
}

// Rotated texts (slanted axis labels) overlap only if their rotated boxes do: seen in the frame
// of text a, the corners of text b lie clear of a's box on one side.
const separated = (a, b) => {
  if (!a.m || !b.m) return false;
  const inv = echarts.matrix.invert([], a.m);
  if (!inv) return false;
  const l = b.local;
  const corners = [[l.x, l.y], [l.x + l.width, l.y], [l.x, l.y + l.height], [l.x + l.width, l.y + l.height]]
    .map((p) => echarts.vector.applyTransform([], echarts.vector.applyTransform([], p, b.m), inv));
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]), r = a.local;
  return Math.min(...xs) >= r.x + r.width - 1 || Math.max(...xs) <= r.x + 1 || Math.min(...ys) >= r.y + r.height - 1 || Math.max(...ys) <= r.y + 1;
};

// ECharts: the drawn texts (labels, axis names, legends, titles) of each chart, from its zrender
// display list, must lie inside the canvas and not overlap each other.
for (const div of document.querySelectorAll('.chart')) {
  const chart = window.echarts && echarts.getInstanceByDom(div);
  if (!chart || !shown(div)) continue;
  const title = div.closest('section')?.querySelector('h2')?.textContent || '';
  const w = chart.getWidth();
  const hgt = chart.getHeight();
  const texts = [];
  // zrender draws every text (axis labels and names, series labels, legend) as one 'tspan' per
  // line, in canvas pixels after its transform; lines of one text share a parent
  chart.getZr().storage.getDisplayList(true).forEach((d) => {
    if (d.type !== 'tspan' || d.ignore || d.invisible || !d.style || !String(d.style.text || '').trim() || d.style.opacity === 0) return;
    if (d.parent && (d.parent.ignore || d.parent.invisible)) return;
    const r = d.getBoundingRect().clone();
    if (d.transform) r.applyTransform(d.transform);
    texts.push({ text: String(d.style.text), r, local: d.getBoundingRect(), m: d.transform, parent: d.parent });
  });
  for (const t of texts) {
    if (t.r.x < -1 || t.r.y < -1 || t.r.x + t.r.width > w + 1 || t.r.y + t.r.height > hgt + 1) {
      problems.push('chart "' + title.slice(0, 40) + '": text outside the chart: "' + t.text + '"');
    }
  }
  const seen = new Set();
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r, b = texts[j].r;
      const key = texts[i].text + '|' + texts[j].text;
      if (texts[i].parent && texts[i].parent === texts[j].parent) continue;
      if (Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1
          && !separated(texts[i], texts[j]) && !separated(texts[j], texts[i]) && !seen.has(key)) {
        seen.add(key);
        problems.push('chart "' + title.slice(0, 40) + '": overlapping texts "' + texts[i].text + '" and "' + texts[j].text + '"');
      }
    }
  }
}

// Cytoscape (the discovered flow): node labels inside the view, not overlapping, readable size.
for (const div of document.querySelectorAll('#graph')) {
  const cy = div._cyreg && div._cyreg.cy;
  if (!cy || !shown(div)) continue;
  const ext = cy.extent();
  const nodes = cy.nodes().map((n) => ({ label: n.data('label').replace(/\n/g, ' '), b: n.boundingBox({ includeLabels: true }) }));
  for (const n of nodes) {
    if (n.b.x1 < ext.x1 - 1 || n.b.x2 > ext.x2 + 1 || n.b.y1 < ext.y1 - 1 || n.b.y2 > ext.y2 + 1) problems.push('flow: node outside the view: ' + n.label);
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i].b, b = nodes[j].b;
      if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) {
        problems.push('flow: overlapping nodes ' + nodes[i].label + ' and ' + nodes[j].label);
      }
    }
  }
  const px = cy.zoom() * parseFloat(cy.nodes().first().style('font-size'));
  if (cy.nodes().length && px < 10) problems.push('flow: node labels drawn at ' + px.toFixed(1) + ' px (under 10 px)');
}
return problems;
