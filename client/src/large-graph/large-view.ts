/*
 * A second Cytoscape instance for large results. The renderer is fixed when an instance is created, so a
 * result above the threshold gets its own instance with the WebGL renderer (when the browser's WebGL2 is
 * hardware-accelerated, see renderer-choice.ts) and a draft layout, laid over the main canvas, instead of
 * rebuilding the explorer's canvas. `?renderer=webgl|canvas|auto` in the page URL overrides the setting.
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import type { ApiGraph } from '../api/types.ts';
import { nodeData } from '../canvas/style.ts';
import { stylesheet } from '../canvas/style.ts';
import { settings } from '../settings.ts';
import { toGNode } from '../state/graph.ts';
import { capElements, DRAW_CAP } from './cap.ts';
import { chooseRenderer, parseRendererPreference, type RendererReason, type WebglProbe } from './renderer-choice.ts';

export interface LargeRender {
  renderer: 'canvas' | 'webgl';
  rendererReason: RendererReason;
  nodes: number;
  edges: number;
  drawn: number;
  omitted: number;
  drawMs: number;
  layoutMs: number;
}

let probed: WebglProbe | null = null;
export function probeWebgl(): WebglProbe {
  if (probed === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) probed = { webgl2: false, rendererName: null };
      else {
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        const name = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) as unknown;
        probed = { webgl2: true, rendererName: typeof name === 'string' ? name : null };
      }
    } catch {
      probed = { webgl2: false, rendererName: null };
    }
  }
  return probed;
}

function rendererFor(): ReturnType<typeof chooseRenderer> {
  const fromUrl = parseRendererPreference(new URLSearchParams(location.search).get('renderer'));
  return chooseRenderer(fromUrl ?? settings.largeGraphRenderer, probeWebgl());
}

/** Lighter style for thousands of elements: no captions until zoomed in, haystack edges (cheap to draw). */
function largeStyle(): cytoscape.StylesheetJson {
  return [
    ...stylesheet(),
    // No captions: thousands of CJK label textures cost more than the shapes; names show in the details.
    { selector: 'node', style: { label: '', 'text-background-opacity': 0, width: 14, height: 14, 'border-width': 0 } },
    { selector: 'edge', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 0.8, opacity: 0.6 } },
  ] as cytoscape.StylesheetJson;
}

export interface LargeView {
  show(graph: ApiGraph): LargeRender;
  hide(): void;
  cy(): Core | null;
  last(): LargeRender | null;
}

export function createLargeView(host: HTMLElement, banner: (r: LargeRender | null) => void): LargeView {
  let cy: Core | null = null;
  let lastRender: LargeRender | null = null;
  const destroy = () => {
    cy?.destroy();
    cy = null;
  };
  return {
    show(graph) {
      destroy();
      host.hidden = false;
      const capped = capElements(graph.nodes, graph.edges, DRAW_CAP);
      const choice = rendererFor();
      const useWebgl = choice.renderer === 'webgl';
      const t0 = performance.now();
      const elements: ElementDefinition[] = [];
      for (const n of capped.nodes) elements.push({ group: 'nodes', data: nodeData(toGNode(n), settings) });
      for (const e of capped.edges) elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type } });
      cy = cytoscape({
        container: host,
        style: largeStyle(),
        elements,
        layout: { name: 'preset' },
        minZoom: 0.02,
        maxZoom: 4,
        hideEdgesOnViewport: !useWebgl,
        textureOnViewport: !useWebgl,
        renderer: useWebgl ? ({ name: 'canvas', webgl: true } as unknown as { name: string }) : { name: 'canvas' },
      } as cytoscape.CytoscapeOptions);
      const t1 = performance.now();
      // Draft fcose (spectral only) is fine for a couple of thousand nodes; above that even it blocks the
      // page for tens of seconds, so a grid is the draft layout and the analyst narrows the query.
      const many = capped.nodes.length > 2000;
      cy.layout((many
        ? { name: 'grid', fit: true, avoidOverlap: false, animate: false }
        : { name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true, packComponents: true, nodeDimensionsIncludeLabels: false }) as LayoutOptions).run();
      const t2 = performance.now();
      lastRender = {
        renderer: choice.renderer,
        rendererReason: choice.reason,
        nodes: graph.nodes.length,
        edges: graph.edges.length,
        drawn: capped.nodes.length + capped.edges.length,
        omitted: capped.omittedNodes + capped.omittedEdges,
        drawMs: Math.round(t1 - t0),
        layoutMs: Math.round(t2 - t1),
      };
      banner(lastRender);
      return lastRender;
    },
    hide() {
      destroy();
      host.hidden = true;
      lastRender = null;
      banner(null);
    },
    cy: () => cy,
    last: () => lastRender,
  };
}
