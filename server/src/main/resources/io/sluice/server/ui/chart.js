// A small SVG line chart: records per second over time, one line per operator.
import { esc } from './api.js';

const COLORS = ['#1f6feb', '#2da44e', '#cf222e', '#8250df', '#d4a72c', '#0a7ea4', '#bf3989', '#6e7781'];
const MAX_POINTS = 120;

export class RateChart {
  constructor(svg, legend) {
    this.svg = svg;
    this.legend = legend;
    this.series = new Map(); // name -> [{t, v}]
  }

  add(name, time, value) {
    let s = this.series.get(name);
    if (!s) this.series.set(name, s = []);
    s.push({ t: time, v: value });
    if (s.length > MAX_POINTS) s.shift();
  }

  render() {
    const W = 800, H = 220, L = 56, R = 10, T = 10, B = 24;
    let tMin = Infinity, tMax = -Infinity, vMax = 1;
    for (const s of this.series.values()) {
      for (const p of s) { tMin = Math.min(tMin, p.t); tMax = Math.max(tMax, p.t); vMax = Math.max(vMax, p.v); }
    }
    if (tMax <= tMin) tMax = tMin + 1000;
    const x = t => L + (t - tMin) / (tMax - tMin) * (W - L - R);
    const y = v => T + (1 - v / vMax) * (H - T - B);
    const parts = [`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#d8dde6"/>`,
      `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#d8dde6"/>`,
      `<text x="${L - 6}" y="${T + 10}" text-anchor="end" font-size="11" fill="#6b7280">${Math.round(vMax)}</text>`,
      `<text x="${L - 6}" y="${H - B}" text-anchor="end" font-size="11" fill="#6b7280">0</text>`,
      `<text x="${W - R}" y="${H - 6}" text-anchor="end" font-size="11" fill="#6b7280">records/s, last ${Math.round((tMax - tMin) / 1000)} s</text>`];
    const legend = [];
    let i = 0;
    for (const [name, s] of this.series) {
      const color = COLORS[i++ % COLORS.length];
      const points = s.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
      parts.push(`<polyline class="series" data-name="${esc(name)}" fill="none" stroke="${color}" stroke-width="1.6" points="${points}"/>`);
      legend.push(`<span style="--c:${color}">${esc(name)}</span>`);
    }
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    this.svg.innerHTML = parts.join('');
    this.legend.innerHTML = legend.join('');
  }
}
