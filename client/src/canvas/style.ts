/*
 * What a node or edge looks like, derived from its label, type and role. Pure (no cytoscape instance), so
 * the colour-per-label and role rules are unit-tested and shared with the legend.
 */
import type { GEdge, GNode } from '../state/graph.ts';
import { styleForLabel, type Settings } from '../settings.ts';
import { BASE_FONT, TEXT_MAX_WIDTH } from './labels.ts';
import type { NodeLook } from './view-style.ts';

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function shortName(name: string, max: number): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name;
}

/** The text drawn under a node: tasks lead with their printed number so a plan's items read in order. */
export function nodeCaption(n: GNode, s: Settings): string {
  const num = n.properties.number;
  const base = n.label === 'Task' && num !== undefined && num !== null && !n.name.startsWith(String(num))
    ? `${String(num)}、${n.name}` : n.name;
  return shortName(base, s.nodeLabelMaxChars);
}

/** A node's data for Cytoscape; `look` is the user's styling (view-style.ts), else the label's defaults. */
export function nodeData(n: GNode, s: Settings, look?: NodeLook): Record<string, unknown> {
  const st = styleForLabel(s, n.label);
  return {
    id: n.id,
    label: n.label,
    name: n.name,
    caption: nodeCaption(n, s),
    color: look?.color ?? st.color,
    shape: st.shape,
    size: look?.size ?? st.size,
    group: n.properties.group === true ? 1 : 0,
  };
}

export type EdgeRole = 'lead' | 'support' | 'responsible' | 'none';

export function edgeRole(e: GEdge): EdgeRole {
  const r = e.properties.role;
  return r === 'lead' || r === 'support' || r === 'responsible' ? r : 'none';
}

export function edgeData(e: GEdge, typeLabel: string): Record<string, unknown> {
  return { id: e.id, source: e.source, target: e.target, type: e.type, role: edgeRole(e), derived: e.derived ? 1 : 0, typeLabel };
}

/**
 * Captions grow in model units as the view zooms out (labels.ts fontScale), so they keep a minimum size on
 * screen. One factor for the whole canvas, read by the stylesheet's functions; after setting it the canvas
 * calls updateStyle() on its nodes.
 */
let captionScale = 1;
export function setCaptionScale(v: number): void { captionScale = v; }
export function getCaptionScale(): number { return captionScale; }

/** A small map pin drawn at a pinned node's top-right corner (SVG, so it stays sharp at any zoom). */
export const PIN_ICON = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">'
  + '<circle cx="12" cy="12" r="11" fill="#111827"/>'
  + '<path d="M9 5h6l-1 5 3 3h-4v5l-1 2-1-2v-5H7l3-3z" fill="#fbbf24"/></svg>')}`;

export const ROLE_COLORS = { lead: '#b91c1c', responsible: '#dc2626', support: '#f87171', derived: '#f97316' } as const;

/** The cytoscape stylesheet (plain JSON, so it can be checked without a browser). */
export function stylesheet(): { selector: string; style: Record<string, unknown> }[] {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': () => BASE_FONT * captionScale,
        color: '#111827',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': () => 4 * captionScale,
        'text-wrap': 'wrap',
        'text-max-width': () => `${TEXT_MAX_WIDTH * captionScale}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[group = 1]', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#7f1d1d' } },
    // Pinned: a solid dark ring and a pin at the top-right corner, visible at any zoom.
    {
      selector: 'node.pinned',
      style: {
        'border-width': 3, 'border-color': '#111827', 'border-style': 'solid',
        'background-image': PIN_ICON, 'background-image-containment': 'over', 'background-clip': 'none',
        // The pin grows with the captions when zoomed out, so it stays as easy to see as the name.
        'background-width': () => 18 * captionScale, 'background-height': () => 18 * captionScale,
        'background-position-x': '100%', 'background-position-y': '0%',
        'background-offset-x': () => 9 * captionScale, 'background-offset-y': () => -9 * captionScale,
        'bounds-expansion': () => 12 * captionScale, 'background-image-smoothing': 'yes',
      },
    },
    // Level of detail: a caption that would overlap a more important one is hidden (labels.ts) …
    { selector: 'node.nolabel', style: { label: '' } },
    // … and the full name shows on hover, above everything.
    { selector: 'node.hover', style: { label: 'data(name)', 'z-index': 20, 'text-background-opacity': 1, 'text-max-width': () => `${TEXT_MAX_WIDTH * 2 * captionScale}px` } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b', 'border-style': 'solid', 'overlay-opacity': 0 } },
    { selector: 'node.path-source', style: { 'border-width': 4, 'border-color': '#22c55e' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#94a3b8',
        'target-arrow-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 10,
        color: '#334155',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'edge.labelled, edge.hover', style: { label: 'data(typeLabel)' } },
    { selector: 'edge[type = "RESPONSIBLE_FOR"]', style: { 'line-color': ROLE_COLORS.responsible, 'target-arrow-color': ROLE_COLORS.responsible, width: 2.5 } },
    { selector: 'edge[role = "lead"]', style: { 'line-color': ROLE_COLORS.lead, 'target-arrow-color': ROLE_COLORS.lead, width: 4.5 } },
    { selector: 'edge[role = "support"]', style: { 'line-color': ROLE_COLORS.support, 'target-arrow-color': ROLE_COLORS.support, width: 1.5 } },
    {
      selector: 'edge[derived = 1]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 5], 'line-color': ROLE_COLORS.derived, 'target-arrow-color': ROLE_COLORS.derived, width: 2, 'target-arrow-shape': 'triangle-tee' },
    },
    { selector: 'edge[type = "MEMBER_OF"]', style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', 'line-style': 'dotted', width: 2.5 } },
    { selector: 'edge[type = "HAS_TASK"]', style: { 'line-color': '#a78bfa', 'target-arrow-color': '#a78bfa' } },
    { selector: 'edge:selected, edge.hover', style: { width: 4, 'z-index': 10 } },
    { selector: 'edge.inspected', style: { width: 5, 'z-index': 11, 'underlay-color': '#f59e0b', 'underlay-opacity': 0.35, 'underlay-padding': 4, label: 'data(typeLabel)' } },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
}
