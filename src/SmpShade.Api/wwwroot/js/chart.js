// A small a*b* chart (SVG): the target, the skin and each candidate's healed colour, so
// the practitioner sees which way each pigment leans (warmer, cooler, greener, redder).
import { fmt, hexOf } from './colour.js';

const NS = 'http://www.w3.org/2000/svg';
const SIZE = 240;
const PAD = 28;

function node(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text != null) n.textContent = text;
  return n;
}

/** Draws the chart into `figure`: target {l,a,b}, skin {l,a,b}, candidates (ranked). */
export function renderChart(figure, target, skin, candidates) {
  const pts = [target, skin, ...candidates.map(c => c.healed?.lab)].filter(Boolean);
  const as = pts.map(p => p.a);
  const bs = pts.map(p => p.b);
  // A square window around the points, never narrower than 20 units, so small shifts
  // are not blown up into big-looking ones.
  const span = Math.max(20, Math.max(...as) - Math.min(...as), Math.max(...bs) - Math.min(...bs)) * 1.2;
  const ca = (Math.max(...as) + Math.min(...as)) / 2;
  const cb = (Math.max(...bs) + Math.min(...bs)) / 2;
  const inner = SIZE - 2 * PAD;
  const x = a => PAD + ((a - (ca - span / 2)) / span) * inner;
  const y = b => PAD + (1 - (b - (cb - span / 2)) / span) * inner;

  const svg = node('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-labelledby': 'ab-title ab-desc' });
  svg.append(node('title', { id: 'ab-title' }, 'a*b* chart of the target, the skin and the candidates'));
  const desc = [`Target a* ${fmt(target.a)}, b* ${fmt(target.b)}`, `skin a* ${fmt(skin.a)}, b* ${fmt(skin.b)}`]
    .concat(candidates.map((c, i) => `${i + 1}: a* ${fmt(c.healed.lab.a)}, b* ${fmt(c.healed.lab.b)}`)).join('; ');
  svg.append(node('desc', { id: 'ab-desc' }, desc));
  svg.append(node('rect', { x: PAD, y: PAD, width: inner, height: inner, class: 'plot' }));
  // Neutral axes (a* = 0, b* = 0) when they fall inside the window.
  if (x(0) > PAD && x(0) < SIZE - PAD) svg.append(node('line', { x1: x(0), x2: x(0), y1: PAD, y2: SIZE - PAD, class: 'axis' }));
  if (y(0) > PAD && y(0) < SIZE - PAD) svg.append(node('line', { x1: PAD, x2: SIZE - PAD, y1: y(0), y2: y(0), class: 'axis' }));
  svg.append(node('text', { x: SIZE / 2, y: SIZE - 6, class: 'lbl', 'text-anchor': 'middle' }, 'a*  (green → red)'));
  svg.append(node('text', { x: 10, y: SIZE / 2, class: 'lbl', 'text-anchor': 'middle', transform: `rotate(-90 10 ${SIZE / 2})` }, 'b*  (blue → yellow)'));
  svg.append(node('text', { x: PAD, y: PAD - 6, class: 'lbl' }, `a* ${fmt(ca - span / 2, 0)} to ${fmt(ca + span / 2, 0)}, b* ${fmt(cb - span / 2, 0)} to ${fmt(cb + span / 2, 0)}`));

  candidates.forEach((c, i) => {
    const lab = c.healed.lab;
    svg.append(node('circle', { cx: x(lab.a), cy: y(lab.b), r: 7, fill: hexOf(c.healed), class: 'cand' }));
    svg.append(node('text', { x: x(lab.a) + 8, y: y(lab.b) - 6, class: 'num' }, String(i + 1)));
  });
  svg.append(node('rect', { x: x(skin.a) - 6, y: y(skin.b) - 6, width: 12, height: 12, fill: hexOf(skin), class: 'skin' }));
  svg.append(node('circle', { cx: x(target.a), cy: y(target.b), r: 9, fill: 'none', class: 'target' }));
  svg.append(node('line', { x1: x(target.a) - 13, x2: x(target.a) + 13, y1: y(target.b), y2: y(target.b), class: 'target' }));
  svg.append(node('line', { x1: x(target.a), x2: x(target.a), y1: y(target.b) - 13, y2: y(target.b) + 13, class: 'target' }));

  const caption = document.createElement('figcaption');
  caption.textContent = '⊕ target, ■ skin, ● numbered candidates as healed. a*b* only: lightness is in the list.';
  figure.replaceChildren(svg, caption);
}
