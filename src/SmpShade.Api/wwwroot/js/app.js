// The practitioner page: photo → regions → analysis → ranked pigments. Wires the steps
// together and keeps the little state there is (the photo stays in this tab's memory).
import { analyse, match, suppliers } from './api.js';
import { clearMessages, showError } from './messages.js';
import { warningList } from './warnings.js';
import { RegionEditor } from './regions.js';
import { renderAnalysis } from './results.js';
import { renderMatches } from './matches.js';
import { setupOutcome, fillOutcomeFromAnalysis } from './outcome.js';
import { savedCalibration, saveCalibration, forgetCalibration, savedWhen } from './calibration.js';

const $ = id => document.getElementById(id);
const state = { photo: null, imageUrl: null, analysis: null, seq: 0 };
const editor = new RegionEditor($('photo-canvas'), () => { $('region-text').textContent = editor.describe(); });

function busy(text) {
  $('busy').textContent = text || '';
  $('analyse').disabled = Boolean(text);
  document.body.classList.toggle('working', Boolean(text));
}

async function loadPhoto(file) {
  if (!file) return;
  clearMessages();
  state.photo = file;
  state.analysis = null;
  $('results').hidden = true;
  $('step-matches').hidden = true;
  hideGuessWarnings();
  $('step-regions').hidden = false;
  if (state.imageUrl) URL.revokeObjectURL(state.imageUrl);
  state.imageUrl = URL.createObjectURL(file);
  const img = new Image();
  editor.setImage(null);
  $('no-preview').hidden = true;
  img.onload = () => editor.setImage(img);
  img.onerror = () => { $('no-preview').hidden = false; };
  img.src = state.imageUrl;
  editor.clear();
  await guessRegions();
}

function hideGuessWarnings() {
  $('guess-note').hidden = true;
  $('guess-warnings').hidden = true;
  $('guess-warnings').replaceChildren();
}

/** Asks the service for its `auto` guess of the regions (an analysis with none given). */
async function guessRegions() {
  busy('Finding hair and skin…');
  hideGuessWarnings();
  const seq = ++state.seq; // a newer photo's guess wins over a slower, older one
  try {
    const answer = await analyse(state.photo, { reference: { type: 'none' } });
    if (seq !== state.seq) return;
    editor.setRegions(answer.regions);
    // The guess's numbers are not shown: a practitioner confirms the regions first. What the service says about the
    // guess itself (probably wrong, no face, several people, no models) is shown now, while the regions are checked.
    $('guess-note').hidden = false;
    const about = warningList((answer.warnings || []).filter(w => String(w.code).startsWith('regions.') && w.code !== 'regions.guessed'),
      'About the guessed regions');
    $('guess-warnings').replaceChildren(...(about ? [about] : []));
    $('guess-warnings').hidden = !about;
  } catch (e) {
    if (seq === state.seq) showError(e, 'Guessing the regions');
  } finally {
    if (seq === state.seq) busy('');
  }
}

function matchRequest(analysis) {
  const mode = $('mode').value;
  const request = {
    skinLab: analysis.skin.lab,
    skinReference: analysis.reference.type,
    mode,
    top: 10,
    years: Math.max(0, Number($('years').value) || 0),
    startLighter: true,
    blends: $('blends').checked,
  };
  // An empty field is sent as null (the service names it), not Number('') = 0, which would match against black.
  const number = id => ($(id).value.trim() === '' ? null : Number($(id).value));
  if (mode === 'custom') request.targetLab = { l: number('target-l'), a: number('target-a'), b: number('target-b') };
  else request.hairLab = analysis.hair.lab;
  if ($('supplier').value) request.supplier = $('supplier').value;
  return request;
}

async function findMatches() {
  const request = matchRequest(state.analysis);
  busy('Predicting healed tones…');
  try {
    const answer = await match(request);
    renderMatches(answer, request);
  } catch (e) {
    showError(e, 'Matching pigments');
  } finally {
    busy('');
  }
}

async function analyseNow() {
  clearMessages();
  if (!state.photo) {
    showError(new Error('Choose a photo first'), 'Analysing');
    return;
  }
  const options = editor.toOptions();
  // A ColorChecker with no corners tapped is looked for by the service; the corners it used come back and are drawn.
  if (options.reference.type === 'greyCard' && !options.regions.reference) {
    showError(new Error('Mark the grey card (select “Reference” and drag over the card)'), 'Analysing');
    return;
  }
  const calibration = savedCalibration();
  if (options.reference.type === 'greyCard' && calibration && $('use-calibration').checked) {
    options.reference.camera = calibration.camera;
  }
  busy('Measuring…');
  hideGuessWarnings();
  $('calibration-saved').hidden = true;
  const photo = state.photo;
  try {
    const analysis = await analyse(photo, options);
    if (photo !== state.photo) return; // another photo was chosen meanwhile
    if (analysis.reference?.type === 'colorChecker24' && analysis.reference.camera) {
      $('calibration-saved').hidden = !saveCalibration(analysis.reference.camera);
      showCalibration();
    }
    state.analysis = analysis;
    editor.setRegions(state.analysis.regions);
    if (analysis.reference?.cornersFound === 'detected') editor.setFoundCorners(analysis.reference.corners);
    renderAnalysis(state.analysis);
    fillOutcomeFromAnalysis(state.analysis, { healed: false });
  } catch (e) {
    busy('');
    // Earlier results no longer match what is on screen: hide them rather than mislead.
    state.analysis = null;
    $('results').hidden = true;
    $('step-matches').hidden = true;
    showError(e, 'Analysing');
    return;
  }
  await findMatches();
  $('results').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function setupPhotoInput() {
  $('photo').addEventListener('change', e => loadPhoto(e.target.files[0]));
  $('photo-saved').addEventListener('change', e => loadPhoto(e.target.files[0]));
  const drop = $('drop');
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, e => { e.preventDefault(); drop.classList.add('over'); });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    loadPhoto(e.dataTransfer.files[0]);
  });
  // A photo dropped anywhere else must not navigate away from the page.
  window.addEventListener('dragover', e => e.preventDefault());
  window.addEventListener('drop', e => e.preventDefault());
}

/** Offers the saved chart calibration when the reference is a grey card. */
function showCalibration() {
  const saved = savedCalibration();
  $('calibration').hidden = !saved || editor.referenceType !== 'greyCard';
  if (saved) $('calibration-when').textContent = savedWhen(saved);
  else $('use-calibration').checked = false;
}

function setupControls() {
  for (const radio of document.querySelectorAll('input[name=region]')) {
    radio.addEventListener('change', () => { editor.active = radio.value; editor.draw(); });
  }
  $('reference-type').addEventListener('change', e => {
    editor.referenceType = e.target.value;
    if (e.target.value !== 'none') document.querySelector('input[name=region][value=reference]').click();
    editor.changed();
    showCalibration();
  });
  $('forget-calibration').addEventListener('click', () => { forgetCalibration(); showCalibration(); });
  $('mode').addEventListener('change', e => { $('target-fields').hidden = e.target.value !== 'custom'; });
  $('reset-regions').addEventListener('click', () => { editor.clear(); guessRegions(); });
  $('analyse').addEventListener('click', analyseNow);
  $('years-go').addEventListener('click', () => state.analysis && findMatches());
  $('blends').addEventListener('change', () => state.analysis && !$('step-matches').hidden && findMatches());
  $('years').addEventListener('keydown', e => { if (e.key === 'Enter') $('years-go').click(); });
}

async function loadSuppliers() {
  try {
    for (const s of await suppliers()) $('supplier').append(new Option(s.label, s.name));
  } catch (e) {
    showError(e, 'Loading the supplier list');
  }
}

setupPhotoInput();
setupControls();
showCalibration();
setupOutcome();
loadSuppliers();
