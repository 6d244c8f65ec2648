// The photo on a canvas with its measuring regions, editable with a pointer (mouse, pen,
// touch) and with the keyboard. Holds the regions in normalised coordinates and hands
// them to the API in its own shape (see shapes.js).
import { bounds, clamp01, contains, describe, fromApi, moved, outline, rectFrom, resized, toApi } from './shapes.js';

const STYLE = {
  hair: { colour: '#ffd400', label: 'Hair' },
  skin: { colour: '#19e3ff', label: 'Skin' },
  reference: { colour: '#ff4dff', label: 'Reference' },
};
const CORNER_HIT_PX = 18; // how near (CSS px) a tap must land to grab a chart corner

export class RegionEditor {
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.image = null;
    this.shapes = { hair: null, skin: null, reference: null };
    this.corners = []; // ColorChecker corners, dark-skin patch first, clockwise
    this.cornersFound = false; // drawn from the service's answer, not tapped
    this.active = 'hair';
    this.referenceType = 'none';
    this.drag = null;
    canvas.addEventListener('pointerdown', e => this.down(e));
    canvas.addEventListener('pointermove', e => this.move(e));
    canvas.addEventListener('pointerup', e => this.up(e));
    canvas.addEventListener('pointercancel', () => { this.drag = null; });
    canvas.addEventListener('keydown', e => this.key(e));
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
  }

  setImage(image) {
    this.image = image;
    this.canvas.hidden = !image;
    this.draw();
  }

  /** Takes the regions an analysis answer used (the auto guess included). */
  setRegions(regions) {
    if (!regions) return;
    this.shapes.hair = fromApi(regions.hair) || this.shapes.hair;
    this.shapes.skin = fromApi(regions.skin) || this.shapes.skin;
    if (regions.reference) this.shapes.reference = fromApi(regions.reference);
    this.changed();
  }

  /** Draws the chart corners the service found (normalised, dark-skin corner first, clockwise); a tap replaces them. */
  setFoundCorners(corners) {
    if (!Array.isArray(corners) || corners.length !== 4) return;
    this.corners = corners.map(([x, y]) => [x, y]);
    this.cornersFound = true;
    this.changed();
  }

  clear() {
    this.shapes = { hair: null, skin: null, reference: null };
    this.corners = [];
    this.cornersFound = false;
    this.changed();
  }

  get hasRegions() {
    return Boolean(this.shapes.hair && this.shapes.skin);
  }

  /** The `regions` and `reference` parts of the API's options. */
  toOptions() {
    const regions = {};
    if (this.shapes.hair) regions.hair = toApi(this.shapes.hair);
    if (this.shapes.skin) regions.skin = toApi(this.shapes.skin);
    const reference = { type: this.referenceType };
    if (this.referenceType === 'greyCard' && this.shapes.reference) regions.reference = toApi(this.shapes.reference);
    if (this.referenceType === 'colorChecker24' && this.corners.length === 4) {
      reference.corners = this.corners.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
    }
    return { regions, reference };
  }

  /** One sentence per region, for the text readout beside the photo. */
  describe() {
    const parts = ['hair', 'skin'].map(k => `${STYLE[k].label}: ${this.shapes[k] ? describe(this.shapes[k]) : 'not set'}.`);
    if (this.referenceType === 'greyCard') parts.push(`Grey card: ${this.shapes.reference ? describe(this.shapes.reference) : 'not marked'}.`);
    if (this.referenceType === 'colorChecker24') {
      parts.push(this.cornersFound
        ? `Chart corners: found by the service, ${describe({ kind: 'polygon', points: this.corners })}; tap or drag them to correct.`
        : this.corners.length === 0
          ? 'Chart corners: 0 of 4 marked. Leave them and the service looks for the chart.'
          : `Chart corners: ${this.corners.length} of 4 marked.`);
    }
    return parts.join(' ');
  }

  changed() {
    this.draw();
    this.onChange?.();
  }

  point(e) {
    const r = this.canvas.getBoundingClientRect();
    return [clamp01((e.clientX - r.left) / r.width), clamp01((e.clientY - r.top) / r.height)];
  }

  isChart() {
    return this.active === 'reference' && this.referenceType === 'colorChecker24';
  }

  down(e) {
    if (!this.image) return;
    e.preventDefault();
    this.canvas.focus({ preventScroll: true }); // scrolling here would shift the drag under the finger
    this.canvas.setPointerCapture(e.pointerId);
    const p = this.point(e);
    if (this.isChart()) {
      const r = this.canvas.getBoundingClientRect();
      const near = this.corners.findIndex(([x, y]) => Math.hypot((x - p[0]) * r.width, (y - p[1]) * r.height) < CORNER_HIT_PX);
      if (near >= 0) this.drag = { type: 'corner', index: near };
      else {
        if (this.corners.length === 4) this.corners = [];
        this.cornersFound = false;
        this.corners.push(p);
        this.drag = { type: 'corner', index: this.corners.length - 1 };
        this.changed();
      }
      return;
    }
    const shape = this.shapes[this.active];
    this.drag = shape && contains(shape, p) ? { type: 'move', from: p, start: shape } : { type: 'draw', from: p };
  }

  move(e) {
    if (!this.drag) return;
    const p = this.point(e);
    const d = this.drag;
    if (d.type === 'corner') { this.corners[d.index] = p; this.cornersFound = false; }
    else if (d.type === 'move') this.shapes[this.active] = moved(d.start, p[0] - d.from[0], p[1] - d.from[1]);
    else {
      const rect = rectFrom(d.from, p);
      if (rect.w < 0.01 || rect.h < 0.01) return; // a tap, not a drag: keep the old region
      this.shapes[this.active] = rect;
    }
    this.draw();
  }

  up() {
    if (!this.drag) return;
    this.drag = null;
    this.changed();
  }

  key(e) {
    const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (!steps[e.key]) return;
    e.preventDefault();
    const size = e.altKey ? 0.002 : 0.01; // 1 % of the photo per press, 0.2 % with Alt
    const [dx, dy] = steps[e.key].map(v => v * size);
    if (this.isChart()) {
      // Keyboard users get a starting quadrilateral to move and size, like the other regions.
      if (this.corners.length !== 4) this.corners = [[0.35, 0.35], [0.65, 0.35], [0.65, 0.55], [0.35, 0.55]];
      const quad = { kind: 'polygon', points: this.corners };
      this.corners = (e.shiftKey ? resized(quad, dx, dy) : moved(quad, dx, dy)).points;
      this.cornersFound = false;
    } else {
      const shape = this.shapes[this.active] || { kind: 'rect', x: 0.4, y: 0.4, w: 0.2, h: 0.2 };
      this.shapes[this.active] = e.shiftKey ? resized(shape, dx, dy) : moved(shape, dx, dy);
    }
    this.changed();
  }

  draw() {
    const c = this.canvas;
    if (!this.image) return;
    const ratio = this.image.naturalHeight / this.image.naturalWidth;
    // As wide as the column, but never taller than most of the screen, so the whole photo
    // and its regions can be seen (and dragged) at once.
    const maxHeight = Math.max(240, window.innerHeight * 0.8);
    const width = Math.floor(Math.min(c.parentElement.clientWidth, maxHeight / ratio));
    const dpr = window.devicePixelRatio || 1;
    c.style.width = `${width}px`;
    c.style.height = `${Math.round(width * ratio)}px`;
    c.width = Math.round(width * dpr);
    c.height = Math.round(width * ratio * dpr);
    const g = c.getContext('2d');
    g.drawImage(this.image, 0, 0, c.width, c.height);
    const order = ['reference', 'skin', 'hair'].filter(k => k !== this.active).concat(this.active);
    for (const key of order) this.drawShape(g, key, dpr);
    if (this.referenceType === 'colorChecker24') this.drawCorners(g, dpr);
  }

  drawShape(g, key, dpr) {
    const shape = this.shapes[key];
    if (!shape || (key === 'reference' && this.referenceType !== 'greyCard')) return;
    const { width, height } = this.canvas;
    const active = key === this.active;
    g.beginPath();
    outline(shape).forEach(([x, y], i) => (i ? g.lineTo(x * width, y * height) : g.moveTo(x * width, y * height)));
    g.closePath();
    g.lineWidth = (active ? 5 : 3) * dpr;
    g.strokeStyle = 'rgba(0,0,0,0.7)';
    g.stroke();
    g.lineWidth = (active ? 2.5 : 1.5) * dpr;
    g.setLineDash(active ? [] : [6 * dpr, 4 * dpr]);
    g.strokeStyle = STYLE[key].colour;
    g.stroke();
    g.setLineDash([]);
    // The name sits just outside the region so it never hides what is measured: skin's below
    // (skin usually lies under the hair), the others above; flipped at the photo's edge.
    const b = bounds(shape);
    const above = b.y * height - 20 * dpr;
    const below = (b.y + b.h) * height + 2 * dpr;
    const fitsBelow = below + 18 * dpr <= height;
    const y = (key === 'skin' && fitsBelow) || above < 0 ? below : above;
    this.label(g, STYLE[key].label, b.x * width, y, STYLE[key].colour, dpr);
  }

  drawCorners(g, dpr) {
    const { width, height } = this.canvas;
    const pts = this.corners.map(([x, y]) => [x * width, y * height]);
    if (pts.length > 1) {
      g.beginPath();
      pts.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
      if (pts.length === 4) g.closePath();
      g.lineWidth = 2 * dpr;
      g.strokeStyle = STYLE.reference.colour;
      g.stroke();
    }
    pts.forEach(([x, y], i) => {
      g.beginPath();
      g.arc(x, y, 7 * dpr, 0, 2 * Math.PI);
      g.fillStyle = 'rgba(0,0,0,0.6)';
      g.fill();
      g.lineWidth = 2 * dpr;
      g.strokeStyle = STYLE.reference.colour;
      g.stroke();
      this.label(g, String(i + 1), x + 9 * dpr, y - 9 * dpr, STYLE.reference.colour, dpr);
    });
  }

  label(g, text, x, y, colour, dpr) {
    g.font = `${12 * dpr}px system-ui, sans-serif`;
    const w = g.measureText(text).width + 8 * dpr;
    g.fillStyle = 'rgba(0,0,0,0.7)';
    g.fillRect(x, y, w, 18 * dpr);
    g.fillStyle = colour;
    g.textBaseline = 'top';
    g.fillText(text, x + 4 * dpr, y + 3 * dpr);
  }
}
