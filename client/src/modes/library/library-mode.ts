/*
 * Documents mode as the mode registry sees it: the library of loaded documents above the canvas. The
 * library view itself lives beside this file; this entry only says which side panels the mode keeps.
 */
import type { Mode } from '../mode.ts';
import { mountLibrary } from './library-view.ts';

export const libraryMode: Mode = {
  id: 'library',
  panels: { left: false, right: true },
  mount: (host, ctx) => mountLibrary(host, ctx),
};
