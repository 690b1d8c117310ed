/*
 * The presentation slice of the one state object: whether slides are showing, which one, and the evidence
 * caption of the edge the presenter picked. Registered in state/store.ts; changed by present-actions.ts.
 */
import type { Scene } from '../../scenes/scene-model.ts';

export interface EvidenceCaption {
  edgeId: string;
  status: 'loading' | 'ok' | 'none';
  text: string;
  source: string;
}

export interface PresentSlice {
  active: boolean;
  index: number;
  evidence: EvidenceCaption | null;
  /** Whether the evidence caption is shown (toggled with E). */
  showEvidence: boolean;
  /** "Present this view": the one slide shown, captured from the canvas and not saved in the list. */
  adhoc: Scene | null;
}

export const initialPresentSlice = (): PresentSlice => ({ active: false, index: 0, evidence: null, showEvidence: false, adhoc: null });

/** What the slide show steps through: the unsaved view when presenting one, else the saved scenes. */
export function slides(s: { present: PresentSlice; scenes: { list: Scene[] } }): Scene[] {
  return s.present.adhoc ? [s.present.adhoc] : s.scenes.list;
}

/** Next slide index within bounds; presenting past the end stays on the last slide. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(count - 1, index + delta));
}
