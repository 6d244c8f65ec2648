// Step 4: the ranked pigments. Each shows its healed tone as dots on this client's skin,
// the fresh (bottle) colour beside it, ΔE00 and its tier, the dilution and the service's
// one-sentence explanation; then the a*b* chart of all of them.
import { fmt, hexOf, labText, labToHex } from './colour.js';
import { renderChart } from './chart.js';
import { dotTile } from './dots.js';
import { el } from './messages.js';
import { warningList } from './warnings.js';

const TIERS = {
  imperceptible: 'no visible difference',
  acceptable: 'close: acceptable',
  visible: 'visibly different',
};

/** "neat (no water)" or "1 part ink : 6 parts water". */
export function dilutionText(waterParts) {
  const w = Number(waterParts ?? 0);
  if (!w) return 'neat (no water)';
  return `1 part ink : ${fmt(w, w % 1 ? 1 : 0)} part${w === 1 ? '' : 's'} water`;
}

function numbers(c, blend) {
  const dl = el('dl', 'numbers');
  const add = (t, v) => v != null && dl.append(el('dt', null, t), el('dd', null, v));
  add('ΔE00', `${fmt(c.deltaE00)}${c.score != null && Math.abs(c.score - c.deltaE00) >= 0.05 ? ` (score ${fmt(c.score)})` : ''}`);
  add('Dilution', dilutionText(c.waterParts));
  add('Healed (plane)', `${labText(c.healed?.lab)} (${hexOf(c.healed)})`);
  if (c.healedDot?.lab) add('Healed dot', `${labText(c.healedDot.lab)} (${hexOf(c.healedDot)}), ΔE00 ${fmt(c.deltaE00Dot)}`);
  if (c.fromDistance?.lab) add('From a distance', `${labText(c.fromDistance.lab)} (${hexOf(c.fromDistance)})`);
  if (!blend) add('Bottle', labText(c.pigment?.lab));
  if (c.dL != null) add('ΔL′ ΔC′ ΔH′', `${fmt(c.dL)} ${fmt(c.dC)} ${fmt(c.dH)}`);
  return dl;
}

function bottleFigure(pigment, caption) {
  const chip = el('div', 'bottle-chip');
  chip.style.background = pigment?.lab ? labToHex(pigment.lab) : '#000000';
  chip.setAttribute('role', 'img');
  chip.setAttribute('aria-label', `${pigment?.name || 'Pigment'} in the bottle: ${labText(pigment?.lab)}`);
  const fig = el('figure', 'bottle');
  fig.append(chip, el('figcaption', null, caption));
  return fig;
}

/** A ranked single pigment (c.pigment) or blend (c.pigments: [{pigment, parts}]) as a list item. */
function candidateItem(c, i, skinHex) {
  const parts = c.pigments || [{ pigment: c.pigment || {}, parts: 1 }];
  const blend = Boolean(c.pigments);
  const li = el('li', `candidate tier-${c.tier || 'unknown'}`);
  li.dataset.testid = blend ? 'blend' : 'candidate';
  const label = p => [p.name || p.sku || 'Pigment', p.sku && p.name ? `(${p.sku})` : ''].join(' ').trim();
  const name = blend ? parts.map(x => `${fmt(x.parts, x.parts % 1 ? 1 : 0)} × ${label(x.pigment)}`).join(' + ') : label(parts[0].pigment);
  const head = el('div', 'cand-head');
  head.append(el('span', 'rank', `${i + 1}`), el('h3', null, name));
  if (c.tier) head.append(el('span', `tier ${c.tier}`, TIERS[c.tier] || c.tier));
  li.append(head);
  const p0 = parts[0].pigment;
  li.append(el('p', 'sub', [p0.supplier, p0.line, blend ? 'blend' : p0.base].filter(Boolean).join(' · ')));

  const visuals = el('div', 'visuals');
  // The dots drawn are the dot-sized prediction (healedDot: lighter than the plane of ink) when the answer has one.
  const dot = c.healedDot?.lab ? c.healedDot : c.healed;
  const tile = dotTile(skinHex, hexOf(dot), `${name}/${c.waterParts}`);
  tile.setAttribute('role', 'img');
  tile.setAttribute('aria-label', `Healed dots ${labText(dot?.lab)} on the client's skin`);
  const healedFig = el('figure', 'healed');
  healedFig.append(tile, el('figcaption', null, `healed, ${dilutionText(c.waterParts)}`));
  visuals.append(healedFig);
  if (c.fromDistance?.lab) {
    // The treated area from conversational distance: dots and skin mixed by area (the answer's fromDistance).
    const far = el('div', 'bottle-chip');
    far.style.background = hexOf(c.fromDistance);
    far.setAttribute('role', 'img');
    far.setAttribute('aria-label', `The treated area from a distance: ${labText(c.fromDistance.lab)}`);
    const farFig = el('figure', 'far');
    farFig.append(far, el('figcaption', null, 'from a distance'));
    visuals.append(farFig);
  }
  visuals.append(...parts.map(x => bottleFigure(x.pigment, blend ? label(x.pigment) : 'in the bottle')));
  const details = el('div', 'details');
  details.append(numbers(c, blend));
  if (c.explanation) details.append(el('p', 'explanation', c.explanation));
  li.append(visuals, details);
  if (!blend) {
    const use = el('button', 'secondary small', 'Record a healed result for this');
    use.type = 'button';
    use.addEventListener('click', () => document.dispatchEvent(new CustomEvent('smpshade:use-candidate', { detail: c })));
    li.append(use);
  }
  return li;
}

/** One paragraph on how the ranking was made: fading, tolerances, catalogue and model versions. */
function metaText(answer, years) {
  const facts = [];
  if (years) facts.push(`Predicted after ${years} year${years === 1 ? '' : 's'} of fading.`);
  const t = answer.thresholds;
  if (t) facts.push(`On this skin ΔE00 below ${fmt(t.perceptibility, 1)} is not visible and below ${fmt(t.acceptability, 1)} is acceptable.`);
  const cats = Array.isArray(answer.catalogue) ? answer.catalogue : [];
  if (cats.length) facts.push(`Catalogue: ${cats.map(c => `${c.supplier ?? ''} version ${c.version ?? '?'}`.trim()).join(', ')}.`);
  const m = answer.model;
  if (m) facts.push(`Model: ${[m.name, m.parametersVersion].filter(Boolean).join(' ')}${m.correction ? `, correction ${m.correction}` : ''}.`);
  const fit = answer.skinFit;
  if (fit && fit.deltaE00 != null) facts.push(`Skin model fit ΔE00 ${fmt(fit.deltaE00)}.`);
  if (answer.candidatesEvaluated) facts.push(`${Number(answer.candidatesEvaluated).toLocaleString('en')} pigment × dilution candidates compared.`);
  return facts.join(' ');
}

/** Renders a matches answer to the request that asked for it (skin, target and years come from there). */
export function renderMatches(answer, request) {
  const skin = request.skinLab;
  const target = request.targetLab || request.hairLab;
  const list = document.getElementById('candidates');
  const candidates = (answer.candidates || []).filter(c => c && c.healed && c.healed.lab);
  const skinHex = labToHex(skin);
  list.replaceChildren(...candidates.map((c, i) => candidateItem(c, i, skinHex)));
  if (!candidates.length) list.append(el('li', 'empty', 'No pigment in the catalogue fits. Load a catalogue, or choose another supplier.'));
  const blends = (answer.blends || []).filter(b => b && b.healed && b.healed.lab && Array.isArray(b.pigments));
  document.getElementById('blend-list').replaceChildren(...blends.map((b, i) => candidateItem(b, i, skinHex)));
  document.getElementById('blends-wrap').hidden = !blends.length;
  renderChart(document.getElementById('ab-chart'), answer.target || target, skin, candidates.slice(0, 10));
  const meta = document.getElementById('match-meta');
  meta.replaceChildren();
  meta.textContent = metaText(answer, Number(request.years) || 0);
  const warnings = document.getElementById('match-warnings');
  warnings.replaceChildren();
  const w = warningList(answer.warnings, 'About these predictions');
  if (w) warnings.append(w);
  document.getElementById('step-matches').hidden = false;
}
