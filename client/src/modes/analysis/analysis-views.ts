/*
 * The registry of analysis views, in tab order. Each view is its own module beside this file; adding one
 * is one entry here and its title in the dictionaries.
 */
import type { MessageKey } from '../../i18n/index.ts';
import type { ModeContext } from '../mode.ts';
import type { AnalysisTab } from './analysis-state.ts';
import { mountCollaboration } from './collaboration-view.ts';
import { mountBreakdown } from './breakdown.ts';
import { mountTargets } from './targets.ts';
import { mountWorkload } from './workload-view.ts';
import { mountPlansOverTime } from './plans-over-time.ts';

export interface AnalysisView {
  id: AnalysisTab;
  titleKey: MessageKey;
  /** Draws the view into host; returns its clean-up. */
  mount(host: HTMLElement, ctx: ModeContext): () => void;
}

export const ANALYSIS_VIEWS: AnalysisView[] = [
  { id: 'collaboration', titleKey: 'analysisCollabTitle', mount: mountCollaboration },
  { id: 'workload', titleKey: 'analysisWorkloadTitle', mount: mountWorkload },
  { id: 'breakdown', titleKey: 'analysisBreakdownTitle', mount: mountBreakdown },
  { id: 'targets', titleKey: 'analysisTargetsTitle', mount: mountTargets },
  { id: 'plans-over-time', titleKey: 'analysisPlansTitle', mount: mountPlansOverTime },
];
