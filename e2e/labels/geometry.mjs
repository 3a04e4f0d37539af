// The geometry of e2e/labels.mjs: which label boxes overlap which labels, shapes and flows. Pure
// functions of what e2e/labels/index.html returns from window.labels.geometry(), all in diagram
// coordinates.

/** Text boxes are shrunk by this much on each side: a label that touches a line does not overlap it. */
export const TOLERANCE = 1.5;

export const shrink = (b, d) => ({ x: b.x + d, y: b.y + d, width: Math.max(0, b.width - 2 * d), height: Math.max(0, b.height - 2 * d) });

/** Two boxes share some area (touching edges do not count). */
export const boxesOverlap = (a, b) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The segment p–q passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(p, q, b) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  for (const [pp, qq] of [[-dx, p.x - b.x], [dx, b.x + b.width - p.x], [-dy, p.y - b.y], [dy, b.y + b.height - p.y]]) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
  }
  return t0 < t1 || (t0 === t1 && dx === 0 && dy === 0);
}

/** The circle (an event) and the box share some area. */
function circleHitsBox(cx, cy, r, b) {
  const nx = Math.max(b.x, Math.min(cx, b.x + b.width));
  const ny = Math.max(b.y, Math.min(cy, b.y + b.height));
  return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r;
}

/** The closed polygon (a gateway's diamond) and the box share some area. */
function polygonHitsBox(points, b) {
  for (let i = 0; i < points.length; i++) if (segmentHitsBox(points[i], points[(i + 1) % points.length], b)) return true;
  // The box inside the polygon: its centre is inside (ray casting).
  const c = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [a, d] = [points[i], points[j]];
    if ((a.y > c.y) !== (d.y > c.y) && c.x < ((d.x - a.x) * (c.y - a.y)) / (d.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

const borderOf = (s) => {
  const [a, b, c, d] = [{ x: s.x, y: s.y }, { x: s.x + s.width, y: s.y }, { x: s.x + s.width, y: s.y + s.height }, { x: s.x, y: s.y + s.height }];
  return [[a, b], [b, c], [c, d], [d, a]];
};

/**
 * Does the box hit the drawn outline/area of a shape? Of a container (expanded subprocess, pool,
 * lane, group) only the border counts when `inside`: for the label of an element it holds. The
 * label of an element outside would be hidden under the container's fill, so there all of it counts.
 */
export function shapeHitsBox(s, b, inside = false) {
  if (s.container && inside) return borderOf(s).some(([p, q]) => segmentHitsBox(p, q, b));
  if (/Event$/.test(s.type)) return circleHitsBox(s.x + s.width / 2, s.y + s.height / 2, s.width / 2, b);
  if (/Gateway$/.test(s.type)) {
    const [cx, cy] = [s.x + s.width / 2, s.y + s.height / 2];
    return polygonHitsBox([{ x: cx, y: s.y }, { x: s.x + s.width, y: cy }, { x: cx, y: s.y + s.height }, { x: s.x, y: cy }], b);
  }
  return boxesOverlap(s, b);
}

/** "bpmn:EndEvent" → "end event". */
const kind = (type) => type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const named = (e) => `${kind(e.type)}${e.name ? ` "${e.name}"` : ''} (${e.id})`;

/**
 * Every overlap of a model's geometry: [{ label, line }], label: the label element's id, line:
 * `label "text" (owner id) overlaps <what> (id)`. A pair of labels is reported once.
 */
export function overlaps({ labels, shapes, connections }, tolerance = TOLERANCE) {
  const found = [];
  const boxes = labels.map((l) => ({ ...l, hit: shrink(l.box, tolerance) }));
  const parentOf = new Map([...shapes, ...connections].map((e) => [e.id, e.parent]));
  /** The element is the container or lies (at any depth) in it. */
  const within = (id, container) => {
    for (let e = id; e; e = parentOf.get(e)) if (e === container) return true;
    return false;
  };
  const say = (l, what) => found.push({ label: l.id, line: `label "${l.text}" (${l.owner}) overlaps ${what}` });
  boxes.forEach((l, i) => {
    for (const o of boxes.slice(i + 1)) if (boxesOverlap(l.hit, o.hit)) say(l, `label "${o.text}" (${o.owner})`);
    for (const s of shapes) if (s.id !== l.owner && shapeHitsBox(s, l.hit, within(l.owner, s.id))) say(l, named(s));
    for (const c of connections) {
      if (c.waypoints.some((p, k) => k > 0 && segmentHitsBox(c.waypoints[k - 1], p, l.hit))) say(l, `${c.id === l.owner ? 'its own ' : ''}${named(c)}`);
    }
  });
  return found;
}
