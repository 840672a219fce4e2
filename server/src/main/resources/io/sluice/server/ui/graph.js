// Draws a job's plan as a graph in SVG: vertices in layers (longest path from the sources), left to right,
// edges as curves labelled with their ship strategy; each vertex shows its live metrics.
import { esc, formatBytes, formatRate, formatWatermark } from './api.js';

const NODE_W = 230, NODE_H = 104, GAP_X = 90, GAP_Y = 28, PAD = 20;

/** Lays out plan nodes (Flink's /plan shape); returns positions by vertex id and the svg size. */
export function layout(nodes) {
  const byId = new Map(nodes.map(n => [n.id, n]));
  const layer = new Map();
  const depth = id => {
    if (layer.has(id)) return layer.get(id);
    layer.set(id, 0); // guards against cycles (none expected)
    const n = byId.get(id);
    let d = 0;
    for (const input of n.inputs || []) {
      if (byId.has(input.id)) d = Math.max(d, depth(input.id) + 1);
    }
    layer.set(id, d);
    return d;
  };
  nodes.forEach(n => depth(n.id));
  const columns = [];
  nodes.forEach(n => { const d = layer.get(n.id); (columns[d] = columns[d] || []).push(n.id); });
  const rows = Math.max(1, ...columns.map(c => (c ? c.length : 0)));
  const height = PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y;
  const positions = new Map();
  columns.forEach((ids, d) => {
    const colHeight = ids.length * NODE_H + (ids.length - 1) * GAP_Y;
    const top = (height - colHeight) / 2;
    ids.forEach((id, i) => positions.set(id, { x: PAD + d * (NODE_W + GAP_X), y: top + i * (NODE_H + GAP_Y) }));
  });
  const width = PAD * 2 + columns.length * NODE_W + (columns.length - 1) * GAP_X;
  return { positions, width, height };
}

function shorten(text, max) {
  return text.length > max ? text.substring(0, max - 1) + '…' : text;
}

/**
 * Renders the graph into the svg element: plan is Flink's /plan "plan" object, vertices the /jobs/{id} vertices
 * (with their metrics) by id.
 */
export function renderGraph(svg, plan, vertices, selected) {
  const { positions, width, height } = layout(plan.nodes);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const parts = [];
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
      + '<path d="M0,0 L10,5 L0,10 z" fill="#8b949e"/></marker></defs>');
  for (const n of plan.nodes) {
    for (const input of n.inputs || []) {
      const from = positions.get(input.id), to = positions.get(n.id);
      if (!from || !to) continue;
      const x1 = from.x + NODE_W, y1 = from.y + NODE_H / 2, x2 = to.x, y2 = to.y + NODE_H / 2;
      const mx = (x1 + x2) / 2;
      const label = input.chained ? 'chained' : input.ship_strategy;
      parts.push(`<g class="edge${input.chained ? ' chained' : ''}" data-from="${esc(input.id)}" data-to="${esc(n.id)}">`
          + `<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2 - 2},${y2}" marker-end="url(#arrow)"/>`
          + `<text x="${mx}" y="${(y1 + y2) / 2 - 5}" text-anchor="middle">${esc(label)}</text></g>`);
    }
  }
  for (const n of plan.nodes) {
    const p = positions.get(n.id);
    const v = vertices.get(n.id);
    const m = (v && v.metrics) || {};
    const kind = n.operator === 'Source' ? ' source' : n.operator === 'Sink' ? ' sink' : '';
    const level = m['backpressure-level'] || 'ok';
    const rate = n.operator === 'Sink' ? m['records-in-per-second'] : m['records-out-per-second'];
    const lines = [
      `parallelism ${n.parallelism}`,
      `${n.operator === 'Sink' ? 'in' : 'out'} <tspan class="rate">${formatRate(rate || 0)}</tspan>`
          + ` · records ${(n.operator === 'Sink' ? m['read-records'] : m['write-records']) ?? 0}`,
      `watermark <tspan class="watermark">${formatWatermark(m['current-watermark'])}</tspan>`
          + (m['watermark-lag'] >= 0 ? ` · lag ${(m['watermark-lag'] / 1000).toFixed(1)} s` : ''),
      `state <tspan class="state-size">${formatBytes(m['state-size'])}</tspan>`
          + (m['late-records-dropped'] > 0 ? ` · late ${m['late-records-dropped']}` : ''),
    ];
    parts.push(`<g class="node${kind}${n.id === selected ? ' selected' : ''}" data-vertex="${esc(n.id)}" transform="translate(${p.x},${p.y})">`
        + `<title>${esc(n.description)}</title>`
        + `<rect width="${NODE_W}" height="${NODE_H}" rx="6"/>`
        + `<text class="title" x="10" y="18">${esc(shorten(n.description, 34))}</text>`
        + lines.map((l, i) => `<text x="10" y="${36 + i * 15}">${l}</text>`).join('')
        + `<circle class="bp-${esc(level)}" cx="${NODE_W - 14}" cy="${NODE_H - 13}" r="5"/>`
        + `<text class="backpressure" x="${NODE_W - 24}" y="${NODE_H - 9}" text-anchor="end">backpressure ${esc(level)}`
        + ` ${Math.round((m['backpressure-ratio'] || 0) * 100)}% · busy ${Math.round((m['busy-ratio'] || 0) * 100)}%</text>`
        + '</g>');
  }
  svg.innerHTML = parts.join('');
}
