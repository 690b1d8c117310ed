/*
 * Export of the current view: images from Cytoscape (PNG at a chosen scale, SVG through cytoscape-svg)
 * and data from the elements drawn (JSON, GraphML, CSV via data-writers). Downloads go through an object
 * URL and a temporary link, which every browser (and Playwright's download event) understands.
 */
import type { Core } from 'cytoscape';
import type { Props } from '../api/types.ts';
import type { State } from '../state/store.ts';
import { toCsv, toGraphML, toJson, type ExportGraph } from './data-writers.ts';

export type DataFormat = 'json' | 'graphml' | 'csv';

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace(/[-:T]/g, '').replace(/^(\d{8})/, '$1-');
}

/** The visible viewport at `scale` × the canvas size in CSS pixels (so 2× of an 800 px canvas is 1600 px). */
export async function pngBlob(cy: Core, scale: number): Promise<Blob> {
  // cytoscape multiplies by the device pixel ratio unless maxWidth/Height pin the size; pin it exactly.
  const w = Math.round(cy.width() * scale);
  const h = Math.round(cy.height() * scale);
  const out = cy.png({ output: 'blob-promise', full: false, bg: '#ffffff', maxWidth: w, maxHeight: h, scale });
  return out as unknown as Promise<Blob>;
}

export function svgText(cy: Core, scale = 1): string {
  const withSvg = cy as Core & { svg(opts: { full?: boolean; scale?: number; bg?: string }): string };
  return withSvg.svg({ full: false, scale, bg: '#ffffff' });
}

/** The drawn elements with their state data; positions included so another tool can keep the picture. */
export function viewGraph(cy: Core, s: State): ExportGraph {
  const nodes = cy.nodes().map((el) => {
    const g = s.graph.nodes[el.id()];
    const p = el.position();
    return {
      id: el.id(),
      label: g?.label ?? String(el.data('label') ?? ''),
      name: g?.name ?? String(el.data('name') ?? ''),
      properties: (g?.properties ?? {}) as Props,
      x: Math.round(p.x * 10) / 10,
      y: Math.round(p.y * 10) / 10,
    };
  });
  const edges = cy.edges().map((el) => {
    const g = s.graph.edges[el.id()];
    return { id: el.id(), type: g?.type ?? String(el.data('type') ?? ''), source: el.source().id(), target: el.target().id(), properties: (g?.properties ?? {}) as Props };
  });
  return { nodes, edges };
}

export function dataBlob(g: ExportGraph, format: DataFormat): Blob {
  if (format === 'json') return new Blob([toJson(g)], { type: 'application/json' });
  if (format === 'graphml') return new Blob([toGraphML(g)], { type: 'application/graphml+xml' });
  return new Blob([toCsv(g)], { type: 'text/csv;charset=utf-8' });
}
