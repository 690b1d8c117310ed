import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer, parseRendererPreference } from '../../../client/src/large-graph/renderer-choice.ts';

const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('the renderer of large results', () => {
  it('uses WebGL when the GPU runs it', () => {
    expect(chooseRenderer('auto', { webgl2: true, rendererName: gpu })).toEqual({ renderer: 'webgl', reason: 'hardware-webgl' });
  });

  it('falls back to canvas when WebGL is a software rasteriser, which pans ten times slower', () => {
    expect(chooseRenderer('auto', { webgl2: true, rendererName: swiftshader })).toEqual({ renderer: 'canvas', reason: 'software-webgl' });
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(gpu)).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
  });

  it('uses canvas without WebGL2, whatever is asked for', () => {
    expect(chooseRenderer('webgl', { webgl2: false, rendererName: null })).toEqual({ renderer: 'canvas', reason: 'no-webgl' });
  });

  it('obeys an explicit preference when it can', () => {
    expect(chooseRenderer('webgl', { webgl2: true, rendererName: swiftshader })).toEqual({ renderer: 'webgl', reason: 'forced' });
    expect(chooseRenderer('canvas', { webgl2: true, rendererName: gpu })).toEqual({ renderer: 'canvas', reason: 'forced' });
  });

  it('reads a preference from a URL parameter and ignores anything else', () => {
    expect(parseRendererPreference('webgl')).toBe('webgl');
    expect(parseRendererPreference('WEBGL')).toBeNull();
    expect(parseRendererPreference(null)).toBeNull();
  });
});
