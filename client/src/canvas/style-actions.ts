/*
 * Named actions over the view's node styling (state.style): the legend calls them, the canvas, scenes,
 * share links and exports read the result. A colour that breaks a readability rule is refused here, with
 * the reason, so no path into state can make labels unreadable or alike.
 */
import { settings } from '../settings.ts';
import type { Store } from '../state/store.ts';
import { clampSize, colourProblem, defaultViewStyle, styledLabels, type ColourProblem, type SizeMode, type ViewStyle } from './view-style.ts';

export function createStyleActions(store: Store) {
  const set = (name: string, fn: (v: ViewStyle) => ViewStyle) => store.dispatch(name, (s) => ({ style: fn(s.style) }));
  return {
    /** Sets a label's colour, or says which rule the colour breaks (and changes nothing). */
    setLabelColour(label: string, colour: string): ColourProblem | null {
      const v = store.get().style;
      const c = colour.toLowerCase();
      const problem = colourProblem(v, settings, label, c, styledLabels(v, settings));
      if (problem) return problem;
      set('setLabelColour', (x) => ({ ...x, colors: { ...x.colors, [label]: c } }));
      return null;
    },
    setLabelSize(label: string, size: number): void {
      set('setLabelSize', (x) => ({ ...x, sizes: { ...x.sizes, [label]: clampSize(size, settings) } }));
    },
    /** Back to the settings' colour and size for one label. */
    resetLabel(label: string): void {
      set('resetLabelStyle', (x) => {
        const { [label]: _c, ...colors } = x.colors;
        const { [label]: _s, ...sizes } = x.sizes;
        return { ...x, colors, sizes };
      });
    },
    setSizeMode(mode: SizeMode): void {
      set('setSizeMode', (x) => ({ ...x, sizeMode: mode }));
    },
    setUniformSize(size: number): void {
      set('setUniformSize', (x) => ({ ...x, uniformSize: clampSize(size, settings) }));
    },
    /** Min and max of size by degree; a min above the max is taken as the max (and the reverse). */
    setDegreeRange(min: number, max: number): void {
      const a = clampSize(min, settings);
      const b = clampSize(max, settings);
      set('setDegreeRange', (x) => ({ ...x, degreeMin: Math.min(a, b), degreeMax: Math.max(a, b) }));
    },
    resetStyle(): void {
      set('resetStyle', () => defaultViewStyle(settings));
    },
  };
}

export type StyleActions = ReturnType<typeof createStyleActions>;
