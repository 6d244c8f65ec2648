// Every warning the API can give, in plain words with what to do about it. Unknown codes
// still show: the service's own message, under a generic heading.

const ADVICE = {
  'reference.none': {
    title: 'No colour reference in the photo',
    todo: 'Room light shifts colours by ΔE 5–20. For a confident match, retake with a grey card or a ColorChecker beside the scalp, lit the same way, and mark it.',
  },
  'reference.poor_fit': {
    title: 'The colour chart did not fit well',
    todo: 'Check that the four corners sit on the outer corners of the patch area, starting at the dark-skin patch and going clockwise; avoid mixed light (window plus lamps) and glare on the chart.',
  },
  'reference.not_found': {
    title: 'The reference could not be measured',
    todo: 'Mark the grey card or the chart again, fully inside the photo.',
  },
  'profile.assumed_srgb': {
    title: 'The photo has no colour profile; sRGB assumed',
    todo: 'Most phones embed one: send the original file rather than a screenshot or a messenger copy.',
  },
  'profile.unsupported': {
    title: 'The photo’s colour profile could not be used; sRGB assumed',
    todo: 'Export the photo as sRGB or Display P3 JPEG from the phone or camera and try again.',
  },
  'exposure.clipped': {
    title: 'Part of the region is over- or under-exposed',
    todo: 'Those pixels were left out. Avoid flash and shine, do not shoot against a bright window; retake if much was clipped.',
  },
  'regions.guessed': {
    title: 'The regions were guessed',
    todo: 'Check the yellow (hair) and blue (skin) outlines on the photo and move them if they are wrong, then analyse again.',
  },
  'hair.implausible': {
    title: 'The “hair” is not a hair colour',
    todo: 'The hair region is probably on clothing or background. Move the yellow outline onto the hair (for dyed hair, onto the natural regrowth) and analyse again before choosing a pigment.',
  },
  'skin.implausible': {
    title: 'The “skin” is not a skin colour',
    todo: 'The skin region is probably on clothing, background or make-up. Move the blue outline onto bare skin (forehead or parted scalp) and analyse again before choosing a pigment.',
  },
  'regions.several_people': {
    title: 'Several people in the photo',
    todo: 'The largest, most central face was measured. To measure someone else, move the outlines onto that person.',
  },
  'regions.no_face': {
    title: 'No face found; regions guessed from colours',
    todo: 'This suits a close-up of the scalp or hairline: check the yellow (hair) and blue (skin) outlines before you choose.',
  },
  'regions.low_confidence': {
    title: 'The guessed regions may well be wrong',
    todo: 'Unless this is a close-up of the scalp, draw the hair (yellow) and skin (blue) outlines yourself: drag on the photo over the scalp hair, then over bare forehead or scalp skin. On a close-up, check that each outline is on hair and on bare skin.',
  },
  'regions.model_unavailable': {
    title: 'People could not be found automatically',
    todo: 'The service guessed from colours alone, which often lands on clothes or background: mark the hair and skin yourself.',
  },
  'sample.too_small': {
    title: 'Too few pixels were measured',
    todo: 'Make the region bigger, or take the photo closer so the hair and skin fill more of it.',
  },
  'skin.uncalibrated_colour': {
    title: 'The skin colour is the camera\'s, not the skin\'s',
    todo: 'Without a grey card or a colour chart the phone\'s own colour rendering gives skin a colour no real skin has, so the healed predictions are less certain. Retake with a grey card or a ColorChecker beside the scalp, lit the same way.',
  },
  'skin.poor_fit': {
    title: 'The skin model did not fit this skin colour well',
    todo: 'The healed predictions are less certain. Check the skin region covers bare, unshaded scalp without shine or redness.',
  },
  'target.unreachable': {
    title: 'No pigment heals to this colour on this skin',
    todo: 'Ink is seen through skin, which lightens it: on light skin even neat black heals dark grey. Tell the client, and choose the closest candidate below rather than a darker one.',
  },
  'hair.close_to_skin': {
    title: 'Hair and skin are very close in colour',
    todo: 'Part the hair so more bare skin shows, or mark the skin region where no hair covers it.',
  },
  'reference.patches_clipped': {
    title: 'Some chart patches were over- or under-exposed',
    todo: 'They were left out of the fit. Light the chart evenly, without glare, so its white patch is not blown out.',
  },
  'reference.patches_occluded': {
    title: 'Something covers part of the chart',
    todo: 'The covered patches were left out of the fit. Move whatever lies over the chart (a leaf, a finger, a label) and retake for the best correction.',
  },
  'reference.calibration_used': {
    title: 'Skin corrected with the saved chart calibration',
    todo: 'This is right only if the photo was taken with the same phone under the same light as the chart photo. If the lamp, the room or the phone changed, take a new photo with the chart.',
  },
  'catalogue.sample': {
    title: 'Illustrative sample catalogue',
    todo: 'These are not measurements of commercial pigments: load your supplier’s catalogue for real choices.',
  },
};

/** Heading and what-to-do for a warning {code, message}. */
export function explain(warning) {
  const known = ADVICE[warning.code];
  if (known) return { title: known.title, todo: known.todo, detail: warning.message };
  const family = String(warning.code || '').split('.')[0];
  const todo = family === 'model' || family === 'skin'
    ? 'Treat the healed predictions with more caution.'
    : 'Check the photo and the regions, and retake if in doubt.';
  return { title: warning.message || warning.code || 'Warning', todo, detail: warning.code || '' };
}

/** A list element of warnings with their advice, or null when there are none. */
export function warningList(warnings, heading) {
  if (!warnings || !warnings.length) return null;
  const wrap = document.createElement('div');
  wrap.className = 'warnings';
  const h = document.createElement('h3');
  h.textContent = heading;
  const list = document.createElement('ul');
  for (const w of warnings) {
    const { title, todo, detail } = explain(w);
    const li = document.createElement('li');
    li.dataset.code = w.code || '';
    const strong = document.createElement('strong');
    strong.textContent = title;
    li.append(strong);
    if (detail && detail !== title) li.append(document.createTextNode(` (${detail})`));
    const p = document.createElement('p');
    p.textContent = `What to do: ${todo}`;
    li.append(p);
    list.append(li);
  }
  wrap.append(h, list);
  return wrap;
}

// What to do about a refused request, by the start of its problem `code`.
const PROBLEM_ADVICE = [
  ['image.too_large', 'Send a smaller file: most phones can share a photo at a reduced size.'],
  ['image.too_many_pixels', 'Send a smaller photo (fewer megapixels).'],
  ['image.', 'Send the photo as JPEG, PNG, WebP or TIFF, straight from the camera.'],
  ['photo.', 'Choose a photo first.'],
  ['reference.camera', 'The saved chart calibration cannot be used with this photo: untick “Use the chart calibration”, or take a new chart photo with this phone under this light.'],
  ['reference.', 'Check the reference: the grey card region wholly on the card, or the chart’s four corners in order (dark-skin patch first, clockwise), without glare.'],
  ['regions.', 'Mark the hair and the skin on the photo (or press “Guess again”).'],
  ['auth.key', 'Enter a valid API key in the “Record a healed result” form; it is then sent with every request.'],
  ['auth.forbidden', 'This key’s role may not do this: recording results needs a clinic or admin key.'],
  ['match.invalid_lab', 'The measured colour is implausible: check the regions and the reference, then analyse again.'],
  ['outcome.pigment', 'Check the supplier and SKU against the catalogue (the “Record a healed result for this” buttons fill them in).'],
  ['request.rate_limited', 'Wait a moment and try again.'],
];

/** A what-to-do line for a problem code, or null. */
export function problemAdvice(code) {
  const hit = PROBLEM_ADVICE.find(([prefix]) => String(code || '').startsWith(prefix));
  return hit ? hit[1] : null;
}
