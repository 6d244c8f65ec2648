// Display colours. The API's numbers are the measurement; these conversions only paint
// swatches. CIELAB (D65, 2°) → XYZ (CIE 15:2004) → sRGB (IEC 61966-2-1), clipped to gamut.

// D65 white from its chromaticity (0.3127, 0.3290), as the service uses (README, colour conventions).
const WHITE = [0.95047, 1.0, 1.08883];
// XYZ (D65) → linear sRGB, the inverse of the IEC 61966-2-1 primaries matrix.
const M = [
  [3.2404542, -1.5371385, -0.4985314],
  [-0.9692660, 1.8760108, 0.0415560],
  [0.0556434, -0.2040259, 1.0572252],
];
const EPSILON = 216 / 24389; // CIE 15:2004 (ε)
const KAPPA = 24389 / 27; // CIE 15:2004 (κ)

function finv(t) {
  const t3 = t * t * t;
  return t3 > EPSILON ? t3 : (116 * t - 16) / KAPPA;
}

function encode(v) {
  const c = Math.min(1, Math.max(0, v));
  return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

/** Lab {l, a, b} → '#rrggbb' (sRGB, clipped). */
export function labToHex(lab) {
  const fy = (lab.l + 16) / 116;
  const fx = fy + lab.a / 500;
  const fz = fy - lab.b / 200;
  const xyz = [WHITE[0] * finv(fx), WHITE[1] * (lab.l > KAPPA * EPSILON ? fy ** 3 : lab.l / KAPPA), WHITE[2] * finv(fz)];
  const rgb = M.map(row => encode(row[0] * xyz[0] + row[1] * xyz[1] + row[2] * xyz[2]));
  return '#' + rgb.map(v => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
}

/** The hex an answer gives, else one computed from its Lab. */
export function hexOf(colour) {
  if (!colour) return '#808080';
  if (typeof colour.hex === 'string' && /^#?[0-9a-f]{6}$/i.test(colour.hex)) {
    return colour.hex.startsWith('#') ? colour.hex : '#' + colour.hex;
  }
  return colour.lab ? labToHex(colour.lab) : labToHex(colour);
}

/** Rounds for display as a practitioner reads it: 1 decimal by default, a true minus sign, no negative zero. */
export function fmt(value, digits = 1) {
  if (value == null || Number.isNaN(Number(value))) return '–';
  const text = Number(value).toFixed(digits);
  return (Number(text) === 0 ? text.replace('-', '') : text).replace('-', '−'); // never "−0.0"
}

/** "L* 52.1, a* 11.0, b* 14.3" */
export function labText(lab) {
  return lab ? `L* ${fmt(lab.l)}, a* ${fmt(lab.a)}, b* ${fmt(lab.b)}` : '–';
}

/** Monk Skin Tone scale 1–10 (Monk 2019, as published by Google; docs/colour-library.md). */
export const MONK_HEX = ['f6ede4', 'f3e7db', 'f7ead0', 'eadaba', 'd7bd96', 'a07e56', '825c43', '604134', '3a312a', '292420'];

/** Black or white text, whichever reads on the given background hex. */
export function inkOn(hex) {
  const n = parseInt(hex.replace('#', ''), 16);
  const y = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return y > 140 ? '#111' : '#fff';
}
