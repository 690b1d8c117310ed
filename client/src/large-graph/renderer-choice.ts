/*
 * Which renderer draws a large result. Cytoscape's WebGL renderer is the fast one only when a GPU runs it:
 * a software rasteriser (SwiftShader, llvmpipe — what headless browsers, VMs and remote desktops get) was
 * measured at 258 ms per frame panning 5,000 nodes, against 22 ms for the canvas renderer with
 * texture-on-viewport (npm run bench:ui). So 'auto' takes WebGL only when it is hardware-accelerated.
 */

export type RendererPreference = 'auto' | 'webgl' | 'canvas';
export type RendererReason = 'hardware-webgl' | 'software-webgl' | 'no-webgl' | 'forced';

export interface WebglProbe {
  webgl2: boolean;
  /** The GL renderer string (unmasked when the browser allows), e.g. "ANGLE (… SwiftShader …)". */
  rendererName: string | null;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(name: string | null): boolean {
  return name !== null && SOFTWARE.test(name);
}

export function chooseRenderer(pref: RendererPreference, probe: WebglProbe): { renderer: 'webgl' | 'canvas'; reason: RendererReason } {
  if (pref === 'canvas') return { renderer: 'canvas', reason: 'forced' };
  if (!probe.webgl2) return { renderer: 'canvas', reason: 'no-webgl' };
  if (pref === 'webgl') return { renderer: 'webgl', reason: 'forced' };
  return isSoftwareRenderer(probe.rendererName)
    ? { renderer: 'canvas', reason: 'software-webgl' }
    : { renderer: 'webgl', reason: 'hardware-webgl' };
}

export function parseRendererPreference(value: string | null | undefined): RendererPreference | null {
  return value === 'auto' || value === 'webgl' || value === 'canvas' ? value : null;
}
