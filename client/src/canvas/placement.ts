/*
 * Where new elements go so the canvas stays stable (issue 15): nodes already placed never move; new ones
 * start on rings around the placed neighbour they hang off, facing away from the rest of the graph, and a
 * node with no placed neighbour starts beside the drawing. A local force layout may then refine only the
 * new ones (layouts.ts). Pure, so the rules are unit-tested without a browser.
 */

export interface Point { x: number; y: number }

/** Gap between neighbouring new nodes on a ring, and between rings, in model pixels (room for a caption). */
export const RING_GAP = 70;
export const FIRST_RING = 150;

/** Positions on rings around `anchor` for `count` nodes, starting at the angle `facing` (radians), spread evenly. */
export function ringAround(anchor: Point, count: number, facing: number): Point[] {
  const out: Point[] = [];
  let ring = 0;
  while (out.length < count) {
    const r = FIRST_RING + ring * RING_GAP;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * r) / RING_GAP));
    const here = Math.min(capacity, count - out.length);
    // Few nodes fan out on the side facing away from the graph; a full ring goes all the way round.
    const arc = here >= capacity ? 2 * Math.PI : Math.min(2 * Math.PI, (here * RING_GAP) / r);
    for (let i = 0; i < here; i++) {
      const a = here === 1 ? facing : facing - arc / 2 + (arc * (i + 0.5)) / here;
      out.push({ x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) });
    }
    ring++;
  }
  return out;
}

export function centroid(points: Iterable<Point>): Point | null {
  let x = 0, y = 0, n = 0;
  for (const p of points) { x += p.x; y += p.y; n++; }
  return n ? { x: x / n, y: y / n } : null;
}

/**
 * Starting places for new nodes. `anchorOf(id)` names the placed neighbour a new node hangs off (null if
 * none); `placed` holds every node already on the canvas. New nodes sharing an anchor share its rings;
 * the rest are laid in rows to the right of the drawing.
 */
export function seedPositions(fresh: readonly string[], anchorOf: (id: string) => string | null, placed: ReadonlyMap<string, Point>): Map<string, Point> {
  const out = new Map<string, Point>();
  const centre = centroid(placed.values());
  const byAnchor = new Map<string, string[]>();
  const loose: string[] = [];
  for (const id of fresh) {
    const a = anchorOf(id);
    if (a && placed.has(a)) byAnchor.set(a, [...(byAnchor.get(a) ?? []), id]);
    else loose.push(id);
  }
  for (const [a, ids] of byAnchor) {
    const p = placed.get(a)!;
    const facing = centre && (centre.x !== p.x || centre.y !== p.y) ? Math.atan2(p.y - centre.y, p.x - centre.x) : 0;
    ringAround(p, ids.length, facing).forEach((q, i) => out.set(ids[i]!, q));
  }
  if (loose.length) {
    let maxX = -Infinity, minY = Infinity;
    for (const p of [...placed.values(), ...out.values()]) { maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); }
    const x0 = Number.isFinite(maxX) ? maxX + FIRST_RING : 0;
    const y0 = Number.isFinite(minY) ? minY : 0;
    const cols = Math.max(1, Math.ceil(Math.sqrt(loose.length)));
    loose.forEach((id, i) => out.set(id, { x: x0 + (i % cols) * RING_GAP * 2, y: y0 + Math.floor(i / cols) * RING_GAP }));
  }
  return out;
}
