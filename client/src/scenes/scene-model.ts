/*
 * Scenes: named snapshots of the canvas (elements, positions, layout, zoom, selection, caption) that an
 * analyst arranges into a story and presents. Pure list operations and the zod schema for imported files
 * live here, apart from localStorage and the DOM, so the rules are unit-tested.
 */
import { z } from 'zod';
import { viewStyleSchema } from '../canvas/view-style.ts';
import { settings } from '../settings.ts';
import { AnalysisSharedSchema } from '../modes/analysis/analysis-state.ts';

const propValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()), z.array(z.number())]);
const props = z.record(z.string(), propValue);

const sceneNode = z.object({
  id: z.string().min(1),
  label: z.string(),
  name: z.string(),
  properties: props.default({}),
  x: z.number(),
  y: z.number(),
  pinned: z.boolean().optional(),
});

const sceneEdge = z.object({
  id: z.string().min(1),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: props.default({}),
  derived: z.boolean().optional(),
});

export const SceneSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  caption: z.string().default(''),
  createdAt: z.string(),
  layout: z.string().default('fcose'),
  zoom: z.number().positive(),
  pan: z.object({ x: z.number(), y: z.number() }),
  selected: z.string().nullable().default(null),
  nodes: z.array(sceneNode),
  edges: z.array(sceneEdge),
  /** The user's node colours and sizes; scenes saved before it was kept show the default style. */
  style: viewStyleSchema(settings).optional(),
  /** Saved in Analysis mode: the tab and its filters, opened again with the scene. */
  analysis: AnalysisSharedSchema.optional(),
});

export type Scene = z.infer<typeof SceneSchema>;
export type SceneNode = z.infer<typeof sceneNode>;
export type SceneEdge = z.infer<typeof sceneEdge>;

export const SCENES_FILE_FORMAT = 'policy-graph-scenes';

export const ScenesFileSchema = z.object({
  format: z.literal(SCENES_FILE_FORMAT),
  version: z.literal(1),
  scenes: z.array(SceneSchema),
});
export type ScenesFile = z.infer<typeof ScenesFileSchema>;

export function newSceneId(now = Date.now(), rand = Math.random()): string {
  return `scene-${now.toString(36)}-${Math.floor(rand * 1e8).toString(36)}`;
}

export function addScene(list: readonly Scene[], scene: Scene): Scene[] {
  return [...list, scene];
}

export function renameScene(list: readonly Scene[], id: string, name: string): Scene[] {
  const trimmed = name.trim();
  if (!trimmed) return [...list];
  return list.map((s) => (s.id === id ? { ...s, name: trimmed } : s));
}

export function setCaption(list: readonly Scene[], id: string, caption: string): Scene[] {
  return list.map((s) => (s.id === id ? { ...s, caption } : s));
}

export function deleteScene(list: readonly Scene[], id: string): Scene[] {
  return list.filter((s) => s.id !== id);
}

/** Moves the scene to index `to` (clamped), keeping the order of the others. */
export function moveScene(list: readonly Scene[], id: string, to: number): Scene[] {
  const from = list.findIndex((s) => s.id === id);
  if (from < 0) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  const at = Math.max(0, Math.min(out.length, to));
  out.splice(at, 0, item!);
  return out;
}

/** Moves one step up (-1) or down (+1). */
export function nudgeScene(list: readonly Scene[], id: string, delta: -1 | 1): Scene[] {
  const from = list.findIndex((s) => s.id === id);
  return from < 0 ? [...list] : moveScene(list, id, from + delta);
}

export function toScenesFile(list: readonly Scene[]): ScenesFile {
  return { format: SCENES_FILE_FORMAT, version: 1, scenes: [...list] };
}

export type ImportResult = { ok: true; scenes: Scene[] } | { ok: false; message: string };

/**
 * Validates a scenes file. The message names the first problem with its path (e.g. `scenes.1.nodes.0.x`),
 * because "invalid file" alone leaves a user nowhere to look.
 */
export function parseScenesFile(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format !== SCENES_FILE_FORMAT) {
    return { ok: false, message: `not a scenes file: "format" must be "${SCENES_FILE_FORMAT}"` };
  }
  const parsed = ScenesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(file)';
    return { ok: false, message: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, scenes: parsed.data.scenes };
}

/** Imported scenes are appended; ids that clash with existing ones get fresh ids so nothing is overwritten. */
export function mergeImported(list: readonly Scene[], incoming: readonly Scene[], idGen: () => string = newSceneId): Scene[] {
  const taken = new Set(list.map((s) => s.id));
  const out = [...list];
  for (const s of incoming) {
    const id = taken.has(s.id) ? idGen() : s.id;
    taken.add(id);
    out.push({ ...s, id });
  }
  return out;
}

/** Reads the stored list, dropping it (not crashing) if an older or hand-edited copy no longer validates. */
export function loadStoredScenes(text: string | null): Scene[] {
  if (!text) return [];
  const r = parseScenesFile(text);
  return r.ok ? r.scenes : [];
}
