// Step 3: the measured hair and skin colours, as swatches and as numbers, with ITA°, the
// Monk tone, the reference's quality and every warning.
import { MONK_HEX, fmt, hexOf, inkOn, labText } from './colour.js';
import { el } from './messages.js';
import { warningList } from './warnings.js';

const ITA_WORDS = {
  veryLight: 'very light', light: 'light', intermediate: 'intermediate', tan: 'tan', brown: 'brown', dark: 'dark',
};

function spreadText(v) {
  if (v == null) return null;
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'object' && 'l' in v) return `L* ${fmt(v.l)}, a* ${fmt(v.a)}, b* ${fmt(v.b)}`;
  return null;
}

function row(dl, term, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, term), el('dd', null, value));
}

function swatch(kind, colour) {
  const card = el('article', `swatch-card ${kind}`);
  const hex = hexOf(colour);
  const chip = el('div', 'swatch');
  chip.dataset.testid = `${kind}-swatch`;
  chip.style.background = hex;
  chip.style.color = inkOn(hex);
  chip.setAttribute('role', 'img');
  chip.setAttribute('aria-label', `${kind} colour ${labText(colour.lab)}, shown as ${hex}`);
  chip.textContent = hex;
  card.append(el('h3', null, kind === 'hair' ? 'Hair' : 'Skin'), chip);
  const dl = el('dl', 'numbers');
  row(dl, 'Lab', labText(colour.lab));
  if (colour.lch) row(dl, 'LCh', `L* ${fmt(colour.lch.l)}, C* ${fmt(colour.lch.c)}, h ${fmt(colour.lch.h, 0)}°`);
  row(dl, 'sRGB', `${hex}${colour.hex ? '' : ' (computed)'}${colour.inGamut === false ? ' (outside sRGB: shown clipped)' : ''}`);
  if (colour.pixels != null) row(dl, 'Pixels', Number(colour.pixels).toLocaleString('en'));
  row(dl, 'Spread (SD)', spreadText(colour.spread ?? colour.standardDeviation ?? colour.sd));
  row(dl, 'Std. error', spreadText(colour.standardError ?? colour.sem));
  if (kind === 'skin') skinRows(dl, colour);
  card.append(dl);
  return card;
}

function skinRows(dl, skin) {
  if (skin.ita != null) {
    const cat = skin.itaCategory ? ITA_WORDS[skin.itaCategory] || skin.itaCategory : '';
    row(dl, 'ITA°', `${fmt(skin.ita, 0)}°${cat ? ` (${cat})` : ''}`);
  }
  const monk = typeof skin.monk === 'object' && skin.monk ? skin.monk.number ?? skin.monk.tone ?? skin.monk.value : skin.monk;
  if (monk != null) {
    const dd = el('span', 'monk');
    const chip = el('span', 'monk-chip');
    const hex = MONK_HEX[Number(monk) - 1];
    if (hex) chip.style.background = `#${hex}`;
    chip.setAttribute('aria-hidden', 'true');
    dd.append(chip, document.createTextNode(`Monk ${monk} of 10${hex ? ` (#${hex})` : ''}`));
    const value = el('dd');
    value.append(dd);
    dl.append(el('dt', null, 'Monk tone'), value);
  }
}

function referenceText(reference, analysis) {
  const parts = [];
  const type = reference?.type || 'none';
  const names = { none: 'no reference', greyCard: 'grey card', colorChecker24: 'ColorChecker 24' };
  parts.push(`Corrected with: ${names[type] || type}`);
  const mean = reference?.looMeanDeltaE00 ?? reference?.meanDeltaE00;
  const max = reference?.looMaxDeltaE00 ?? reference?.maxDeltaE00;
  if (mean != null) parts.push(`chart fit (leave-one-out) ΔE00 mean ${fmt(mean)}, max ${fmt(max)}`);
  if (reference?.method || reference?.model) parts.push(`method ${reference.method || reference.model}`);
  if (reference?.skinModel === 'skinSpectra') {
    parts.push(type === 'greyCard'
      ? 'skin corrected from skin spectra seen through the camera of the saved chart calibration'
      : 'skin corrected from skin spectra seen through the camera the chart reveals');
  }
  if (analysis.profile?.name) parts.push(`colour profile ${analysis.profile.name}${analysis.profile.assumed ? ' (assumed)' : ''}`);
  parts.push(`CIELAB ${analysis.illuminant || 'D65'}, ${String(analysis.observer || '2°').replace(/°?$/, '°')} observer`);
  return parts.join('; ') + '.';
}

/** Renders an analysis answer into the results section. */
export function renderAnalysis(analysis) {
  const measured = document.getElementById('measured');
  measured.replaceChildren();
  if (analysis.hair) measured.append(swatch('hair', analysis.hair));
  if (analysis.skin) measured.append(swatch('skin', analysis.skin));
  measured.append(el('p', 'meta', referenceText(analysis.reference, analysis)));
  const warnings = document.getElementById('warnings');
  warnings.replaceChildren();
  const warned = analysis.warnings || [];
  const guessed = analysis.regions?.guessed && !warned.some(w => w.code === 'regions.guessed')
    ? [{ code: 'regions.guessed', message: 'The service chose the regions.' }] : [];
  // A "hair" or "skin" no person has comes first: the ranking below means nothing until it is fixed.
  const implausible = warned.filter(w => String(w.code).endsWith('.implausible'));
  const others = warned.filter(w => !String(w.code).endsWith('.implausible'));
  const list = warningList([...implausible, ...guessed, ...others], 'Check before you choose');
  if (list) warnings.append(list);
  const section = document.getElementById('results');
  section.hidden = false;
}
