// Region shapes in normalised image coordinates (0..1 on the upright photo), the form the
// API speaks: {rect: [x, y, w, h]} or {polygon: [[x, y], ...]}. Pure functions, no DOM.

const clamp01 = v => Math.min(1, Math.max(0, v));

/** A shape from the API's region object, or null. */
export function fromApi(region) {
  if (!region) return null;
  if (Array.isArray(region.rect) && region.rect.length === 4) {
    const [x, y, w, h] = region.rect.map(Number);
    return { kind: 'rect', x, y, w, h };
  }
  if (Array.isArray(region.polygon) && region.polygon.length >= 3) {
    return { kind: 'polygon', points: region.polygon.map(([x, y]) => [Number(x), Number(y)]) };
  }
  return null;
}

/** The API's region object for a shape, rounded to 4 decimals (sub-pixel on a 12 MP photo). */
export function toApi(shape) {
  const r = v => Math.round(v * 10000) / 10000;
  if (shape.kind === 'rect') return { rect: [r(shape.x), r(shape.y), r(shape.w), r(shape.h)] };
  return { polygon: shape.points.map(([x, y]) => [r(x), r(y)]) };
}

/** A rectangle spanning two corner points, clamped to the image. */
export function rectFrom(a, b) {
  const x0 = clamp01(Math.min(a[0], b[0]));
  const y0 = clamp01(Math.min(a[1], b[1]));
  const x1 = clamp01(Math.max(a[0], b[0]));
  const y1 = clamp01(Math.max(a[1], b[1]));
  return { kind: 'rect', x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function bounds(shape) {
  if (shape.kind === 'rect') return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
  const xs = shape.points.map(p => p[0]);
  const ys = shape.points.map(p => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The shape moved by (dx, dy), kept inside the image. */
export function moved(shape, dx, dy) {
  const b = bounds(shape);
  const mx = Math.min(1 - b.x - b.w, Math.max(-b.x, dx));
  const my = Math.min(1 - b.y - b.h, Math.max(-b.y, dy));
  if (shape.kind === 'rect') return { ...shape, x: shape.x + mx, y: shape.y + my };
  return { kind: 'polygon', points: shape.points.map(([x, y]) => [x + mx, y + my]) };
}

/** The shape grown by (dw, dh) from its top-left corner, at least `min` wide and high. */
export function resized(shape, dw, dh, min = 0.01) {
  const b = bounds(shape);
  const w = Math.min(1 - b.x, Math.max(min, b.w + dw));
  const h = Math.min(1 - b.y, Math.max(min, b.h + dh));
  if (shape.kind === 'rect') return { ...shape, w, h };
  const sx = b.w > 0 ? w / b.w : 1;
  const sy = b.h > 0 ? h / b.h : 1;
  return { kind: 'polygon', points: shape.points.map(([x, y]) => [b.x + (x - b.x) * sx, b.y + (y - b.y) * sy]) };
}

/** Whether a point lies inside the shape (even-odd rule for polygons). */
export function contains(shape, [px, py]) {
  if (shape.kind === 'rect') return px >= shape.x && px <= shape.x + shape.w && py >= shape.y && py <= shape.y + shape.h;
  let inside = false;
  const p = shape.points;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const [xi, yi] = p[i];
    const [xj, yj] = p[j];
    if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The corner points of a shape, for drawing. */
export function outline(shape) {
  if (shape.kind === 'polygon') return shape.points;
  const { x, y, w, h } = shape;
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
}

/** "x 12 %, y 40 %, 20 % × 15 %" for screen readers and the text readout. */
export function describe(shape) {
  const b = bounds(shape);
  const p = v => `${Math.round(v * 100)} %`;
  const kind = shape.kind === 'rect' ? 'rectangle' : `${shape.points.length}-point outline`;
  return `${kind} at x ${p(b.x)}, y ${p(b.y)}, ${p(b.w)} wide, ${p(b.h)} high`;
}

export { clamp01 };
