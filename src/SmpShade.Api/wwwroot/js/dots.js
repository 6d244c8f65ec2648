// The healed tone as SMP dots on the client's own skin colour. Scale and density are
// illustrative (assumption): impressions 0.3–0.5 mm across, about one per mm², the spacing
// of follicular units that SMP imitates; drawn at 8 CSS px per mm.

const PX_PER_MM = 8;
const DOTS_PER_MM2 = 1;
const DOT_MM = [0.3, 0.5];

// mulberry32: a tiny seeded generator, so each pigment's tile looks the same on every draw.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return h;
}

/**
 * A canvas of `widthMm` × `heightMm` skin with healed dots on it. Dots sit on a jittered
 * 1 mm grid so they neither clump nor line up, as a practitioner places them.
 */
export function dotTile(skinHex, inkHex, key, widthMm = 18, heightMm = 9) {
  const canvas = document.createElement('canvas');
  const dpr = window.devicePixelRatio || 1;
  const w = widthMm * PX_PER_MM;
  const h = heightMm * PX_PER_MM;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const g = canvas.getContext('2d');
  g.scale(dpr, dpr);
  g.fillStyle = skinHex;
  g.fillRect(0, 0, w, h);
  const rnd = random(hash(key));
  const pitch = 1 / Math.sqrt(DOTS_PER_MM2);
  g.fillStyle = inkHex;
  for (let y = pitch / 2; y < heightMm; y += pitch) {
    for (let x = pitch / 2; x < widthMm; x += pitch) {
      const cx = (x + (rnd() - 0.5) * 0.6 * pitch) * PX_PER_MM;
      const cy = (y + (rnd() - 0.5) * 0.6 * pitch) * PX_PER_MM;
      const r = ((DOT_MM[0] + rnd() * (DOT_MM[1] - DOT_MM[0])) / 2) * PX_PER_MM;
      g.beginPath();
      g.arc(cx, cy, r, 0, 2 * Math.PI);
      g.fill();
    }
  }
  return canvas;
}
