// Step 5: record a healed result (POST /api/v1/outcomes). A follow-up photo is analysed
// like any other: its dark, dotted cluster (the "hair" region) is the healed ink and the
// bare skin beside it the skin; the practitioner can also type the values.
import { analyse, recordOutcome, setApiKey } from './api.js';
import { fmt, labText } from './colour.js';
import { problemNode } from './messages.js';

const $ = id => document.getElementById(id);
const LAB_FIELDS = ['l', 'a', 'b'];

function setLab(prefix, lab, onlyIfEmpty) {
  if (!lab) return;
  for (const k of LAB_FIELDS) {
    const input = $(`outcome-${prefix}-${k}`);
    if (!onlyIfEmpty || input.value === '') input.value = fmt(lab[k]).replace('−', '-');
  }
}

function readLab(prefix) {
  const lab = {};
  for (const k of LAB_FIELDS) lab[k] = Number($(`outcome-${prefix}-${k}`).value);
  return lab;
}

/** Fills the form's colours from an analysis: skin always (if empty), healed on request. */
export function fillOutcomeFromAnalysis(analysis, { healed }) {
  if (!analysis) return;
  setLab('skin', analysis.skin?.lab, !healed);
  if (healed) setLab('healed', analysis.hair?.lab, false);
}

function status(text, node) {
  const s = $('outcome-status');
  s.replaceChildren();
  if (text) s.textContent = text;
  if (node) s.append(node);
}

/** The JSON body of POST /api/v1/outcomes (OutcomeRequest: unknown fields are refused). */
function outcomeBody() {
  return {
    supplier: $('outcome-supplier').value.trim(),
    sku: $('outcome-sku').value.trim(),
    waterParts: Number($('outcome-water').value),
    monthsSinceTreatment: Number($('outcome-months').value),
    skinLab: readLab('skin'),
    healedLab: readLab('healed'),
  };
}

/** What the service answered: the id, and how far the healed colour is from the physics prediction. */
function recordedText(saved) {
  const parts = [`Recorded${saved && saved.id != null ? ` as outcome ${saved.id}` : ''}.`];
  const physics = saved && saved.physics;
  if (physics && physics.lab) {
    parts.push(`The model had predicted ${labText(physics.lab)}; the healed dots are ΔE00 ${fmt(physics.deltaE00)} from that.`);
  }
  parts.push('Results like this teach the healed-tone model.');
  return parts.join(' ');
}

async function submit(e) {
  e.preventDefault();
  const form = $('outcome-form');
  if (!form.checkValidity()) {
    form.reportValidity();
    status('Fill in every field: the pigment, its dilution, the months since treatment, both colours and the API key.');
    return;
  }
  setApiKey($('outcome-key').value);
  status('Recording…');
  try {
    const saved = await recordOutcome(outcomeBody());
    status(recordedText(saved));
  } catch (err) {
    status('', problemNode(err, 'Recording the result'));
  }
}

async function followUpPhoto(e) {
  const file = e.target.files[0];
  if (!file) return;
  status('Measuring the follow-up photo…');
  try {
    const analysis = await analyse(file, { reference: { type: 'none' } });
    fillOutcomeFromAnalysis(analysis, { healed: true });
    status('Colours filled in from the photo (automatic regions: check them against the photo, or type the values).');
  } catch (err) {
    status('', problemNode(err, 'Measuring the follow-up photo'));
  }
}

export function setupOutcome() {
  $('outcome-form').addEventListener('submit', submit);
  $('outcome-photo').addEventListener('change', followUpPhoto);
  $('outcome-key').addEventListener('change', e => setApiKey(e.target.value));
  document.addEventListener('smpshade:use-candidate', e => {
    const c = e.detail;
    $('outcome-supplier').value = c.pigment?.supplier || '';
    $('outcome-sku').value = c.pigment?.sku || '';
    $('outcome-water').value = c.waterParts ?? 0;
    $('outcome-form').scrollIntoView({ behavior: 'smooth', block: 'start' });
    $('outcome-supplier').focus({ preventScroll: true });
  });
}
