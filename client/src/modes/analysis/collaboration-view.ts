/*
 * The Collaboration network view: agencies as nodes, an edge between two agencies as wide as the tasks they
 * share, coloured by the Louvain cluster they fall in. The network is drawn by its own Cytoscape instance in
 * a layer over the main canvas (chart-overlay.ts), so it gets the canvas's half of the window and leaves the
 * explored graph untouched. The panel above holds the filters, the cluster legend and, after a click on an
 * edge, the tasks the two agencies share with the sentence that names each.
 */
import { agencyLabels } from './agency-labels.ts';
import './collaboration.css';
import cytoscape, { type Core, type EdgeSingular } from 'cytoscape';
import { ApiError } from '../../api/client.ts';
import { roleName, translate, type MessageKey } from '../../i18n/index.ts';
import { h } from '../../panels/dom.ts';
import type { ModeContext } from '../mode.ts';
import { canvasOverlay } from './chart-overlay.ts';
import { filterCaption, filterChoices, filterControls, followDocuments, say } from './chart-filters.ts';
import { captionText, cyPicture, exportButtons } from './analysis-export.ts';
import {
  buildNetwork, clusterColour, edgeWidth, getAnalysis, MEASURES, nodeSize,
  type AnalysisFilterChoices, type AnalysisFilterValues, type CollaborationAnswer, type Measure, type NetEdge, type Network,
} from './collaboration-model.ts';
import { saveView, savedView, withSeededRandom } from './analysis-state.ts';

interface SharedSide { role: string; via: string | null; evidence: { document: string; start: number; end: number; text: string; sentence: string } | null }
interface SharedTask { id: string; number: string | null; title: string; section: string | null; plan: { id: string; name: string; year: number | null }; a: SharedSide; b: SharedSide }

const CLUSTERS_LISTED = 8;

export function mountCollaboration(host: HTMLElement, ctx: ModeContext): () => void {
  const lang = () => ctx.store.get().lang;
  const t = (k: MessageKey) => translate(lang(), k);
  const root = h('div', { class: 'collab', id: 'collaboration' });
  host.append(root);
  const overlay = canvasOverlay(ctx.cy, 'collab-canvas');
  let alive = true;
  let cy: Core | null = null;
  let choices: AnalysisFilterChoices | null = null;
  // The choices start from the state (a share link or scene may have brought them, with a clicked edge or agency).
  const saved = savedView(ctx.store, 'collaboration');
  let filter: AnalysisFilterValues = saved ? { plan: saved.plan, year: saved.year, jurisdiction: saved.jurisdiction } : { plan: '', year: '', jurisdiction: '' };
  let members = saved?.members ?? true;
  let measure: Measure = saved?.measure ?? 'sharedTasks';
  let minWeight = saved?.min ?? 1;
  let focus: string | null = null;
  /** The edge and agency to click again once the network is drawn (from the state, once). */
  let pending: { edge: [string, string] | null; focus: string | null } | null = saved ? { edge: saved.edge, focus: saved.focus } : null;
  let answer: CollaborationAnswer | null = null;
  let network: Network | null = null;
  let status: 'loading' | 'ok' | 'error' = 'loading';
  let error = '';
  let selected: { edge: NetEdge; status: 'loading' | 'ok' | 'error'; tasks: SharedTask[]; error?: string } | null = null;
  let request = 0;
  /** The year is the latest one, chosen for the user, until the user picks filters. */
  let yearByDefault = false;

  const remember = () => saveView(ctx.store, 'collaboration', {
    ...filter, members, measure, min: minWeight, edge: selected ? [selected.edge.source, selected.edge.target] : null, focus,
  });
  const fade = (id: string | null) => {
    focus = id;
    cy?.elements().removeClass('faded');
    const node = id ? cy?.getElementById(id) : undefined;
    if (node?.nonempty()) {
      cy?.elements().addClass('faded');
      node.closedNeighborhood().removeClass('faded');
    } else focus = null;
  };

  const reason = (e: unknown) => (e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e));
  // Names that two agencies of the network share (各街道办事处 of two counties) carry their area.
  let labels = new Map<string, string>();
  const nameOf = (id: string) => labels.get(id) ?? network?.nodes.find((n) => n.id === id)?.name ?? id;

  const load = async () => {
    const mine = ++request;
    status = 'loading';
    selected = null;
    draw();
    try {
      const got = await getAnalysis<CollaborationAnswer>('collaboration', { ...filter, members });
      if (!alive || mine !== request) return;
      // The year picked for the user had no shared task (a plan whose units all stand alone): all years instead.
      if (yearByDefault && got.pairs.length === 0 && filter.year) {
        yearByDefault = false;
        filter = { ...filter, year: '', plan: '' };
        void load();
        return;
      }
      answer = got;
      status = 'ok';
      rebuild();
    } catch (e) {
      if (!alive || mine !== request) return;
      status = 'error';
      error = reason(e);
      draw();
    }
  };

  /** Measure or minimum weight changed: new edges and clusters from the pairs already here. */
  const rebuild = () => {
    network = answer ? buildNetwork(answer.pairs, measure, minWeight) : null;
    selected = null;
    focus = null;
    drawNetwork();
    draw();
    const again = pending;
    pending = null;
    if (again) {
      fade(again.focus);
      const [a, b] = again.edge ?? [];
      const edge = network?.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
      if (edge) {
        cy?.getElementById(edge.id).addClass('picked');
        void openShared(edge);
        return;
      }
    }
    remember();
  };

  const openShared = async (edge: NetEdge) => {
    selected = { edge, status: 'loading', tasks: [] };
    remember();
    draw();
    try {
      const got = await getAnalysis<{ tasks: SharedTask[] }>('collaboration/shared-tasks', { a: edge.source, b: edge.target, plan: filter.plan, year: filter.year, members });
      if (!alive || selected?.edge !== edge) return;
      selected = { edge, status: 'ok', tasks: got.tasks };
    } catch (e) {
      if (!alive || selected?.edge !== edge) return;
      selected = { edge, status: 'error', tasks: [], error: reason(e) };
    }
    draw();
  };

  const drawNetwork = () => {
    cy?.destroy();
    cy = null;
    if (!network || network.nodes.length === 0) return;
    const maxWeight = Math.max(...network.edges.map((e) => e.weight));
    const maxStrength = Math.max(...network.nodes.map((n) => n.strength));
    labels = agencyLabels(network.nodes, lang());
    cy = cytoscape({
      container: overlay.el,
      elements: [
        ...network.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, name: nameOf(n.id), colour: clusterColour(n.cluster), size: nodeSize(n.strength, maxStrength), cluster: n.cluster },
          classes: n.group ? 'group' : '',
        })),
        ...network.edges.map((e) => ({ group: 'edges' as const, data: { ...e, width: edgeWidth(e.weight, maxWeight) } })),
      ],
      style: [
        { selector: 'node', style: {
          'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(name)', 'font-size': 11,
          'text-valign': 'bottom', 'text-margin-y': 3, color: '#1f2937', 'text-outline-color': '#fff', 'text-outline-width': 2, 'min-zoomed-font-size': 7,
        } },
        { selector: 'node.group', style: { shape: 'round-rectangle', 'border-width': 2, 'border-color': '#374151', 'border-style': 'dashed' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#94a3b8', opacity: 0.55, 'curve-style': 'haystack' } },
        { selector: 'edge:selected, edge.picked', style: { 'line-color': '#dc2626', opacity: 1, 'z-index': 10 } },
        { selector: 'node.faded, edge.faded', style: { opacity: 0.12 } },
      ] as cytoscape.StylesheetJson,
      minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false,
    });
    // Heavier edges pull their agencies closer, so clusters read as places on the canvas too.
    // Seeded, so the same network gets the same picture on every page (a share link opens what was shared).
    withSeededRandom(1, () => cy!.layout({
      name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 30, packComponents: true,
      nodeDimensionsIncludeLabels: true, nodeSeparation: 60,
      idealEdgeLength: (e: EdgeSingular) => 70 + 140 / Math.sqrt(Number(e.data('weight')) || 1), nodeRepulsion: () => 30000,
      edgeElasticity: (e: EdgeSingular) => 0.2 + 0.8 * Math.min(1, Number(e.data('weight')) / maxWeight),
    } as cytoscape.LayoutOptions).run());
    cy.on('tap', 'edge', (ev) => {
      cy?.elements('.picked').removeClass('picked');
      ev.target.addClass('picked');
      const id = ev.target.id();
      const edge = network?.edges.find((e) => e.id === id);
      if (edge) void openShared(edge);
    });
    cy.on('tap', 'node', (ev) => { fade(ev.target.id()); remember(); });
    cy.on('tap', (ev) => { if (ev.target === cy) { fade(null); remember(); } });
    // A handle for the end-to-end test, which clicks an edge where this instance drew it.
    Object.defineProperty(overlay.el, 'cy', { value: cy, configurable: true });
  };

  // The exported network says which filters, measure and minimum it was drawn with.
  const caption = () => captionText(t('analysisCollabTitle'), [...filterCaption(lang(), choices, filter),
    [t('collabMeasure'), t(`collabMeasure.${measure}` as MessageKey)], [t('collabMinWeight'), String(minWeight)]]);
  const picture = cyPicture(() => cy, caption);

  const controls = () => {
    const measureSelect = h('select', { id: 'collab-measure', onchange: () => { measure = measureSelect.value as Measure; rebuild(); } },
      ...MEASURES.map((m) => h('option', { value: m, selected: m === measure }, t(`collabMeasure.${m}` as MessageKey))));
    const min = h('input', { id: 'collab-min', type: 'number', min: 1, max: 999, value: minWeight, class: 'an-num',
      onchange: () => { minWeight = Math.max(1, Math.min(999, Math.round(Number(min.value) || 1))); rebuild(); } });
    const membersBox = h('input', { id: 'collab-members', type: 'checkbox', checked: members, onchange: () => { members = membersBox.checked; remember(); void load(); } });
    return h('div', { class: 'an-controls' },
      ...filterControls(lang(), 'collab', choices, filter, (patch) => { filter = { ...filter, ...patch }; yearByDefault = false; remember(); void load(); }),
      h('label', { class: 'an-field', title: t('collabMembersHint') }, membersBox, ' ', t('collabMembers')),
      h('label', { class: 'an-field' }, t('collabMeasure'), ' ', measureSelect),
      h('label', { class: 'an-field' }, t('collabMinWeight'), ' ', min),
      exportButtons(lang(), 'collab', 'collaboration', picture, (text) => ctx.actions.toast(text, 'error')));
  };

  const legend = () => {
    if (!network) return null;
    const sizes = new Map<number, string[]>();
    for (const n of network.nodes) sizes.set(n.cluster, [...(sizes.get(n.cluster) ?? []), nameOf(n.id)]);
    const listed = [...sizes.entries()].sort((x, y) => x[0] - y[0]).slice(0, CLUSTERS_LISTED);
    return h('ul', { class: 'collab-legend', id: 'collab-clusters' },
      ...listed.map(([c, names]) => h('li', { 'data-cluster': c },
        h('span', { class: 'swatch', style: `background:${clusterColour(c)}` }),
        h('b', {}, say(lang(), 'collabCluster', { n: c + 1, count: names.length })), ' ', names.slice(0, 4).join('、'), names.length > 4 ? '…' : '')),
      sizes.size > CLUSTERS_LISTED ? h('li', {}, say(lang(), 'collabClusterMore', { n: sizes.size - CLUSTERS_LISTED })) : null);
  };

  const side = (s: SharedSide) => {
    const role = roleName(lang(), s.role);
    return s.via ? `${role} · ${say(lang(), 'collabVia', { group: s.via })}` : role;
  };

  const sharedPanel = () => {
    if (!selected) return h('p', { class: 'hint' }, t('collabClickEdge'));
    const { edge } = selected;
    const head = h('h4', {}, say(lang(), 'collabShared', { a: nameOf(edge.source), b: nameOf(edge.target), n: edge.sharedTasks }));
    const kinds = h('p', { class: 'collab-kinds' }, MEASURES.slice(1).map((m) => `${t(`collabMeasure.${m}` as MessageKey)} ${edge[m]}`).join(' · '));
    if (selected.status === 'loading') return h('div', {}, head, kinds, h('p', { class: 'hint' }, t('collabSharedLoading')));
    if (selected.status === 'error') return h('div', {}, head, h('p', { class: 'error' }, say(lang(), 'collabFailed', { reason: selected.error ?? '' })));
    return h('div', {}, head, kinds, h('ol', { class: 'collab-tasks', id: 'collab-shared' }, ...selected.tasks.map((task) => {
      const ev = task.a.evidence ?? task.b.evidence;
      return h('li', { 'data-task': task.id },
        h('div', { class: 'collab-task-title' }, h('span', { class: 'muted' }, `${task.plan.name} · ${say(lang(), 'collabItem', { n: task.number ?? '?' })}`), ' ', h('b', {}, task.title)),
        h('div', { class: 'collab-roles' }, `${nameOf(edge.source)}:${side(task.a)};${nameOf(edge.target)}:${side(task.b)}`),
        ev ? h('blockquote', { class: 'collab-evidence' }, ev.sentence, ' ',
          h('button', { class: 'btn small link', title: t('collabOpenDocTitle'), onclick: () => void ctx.actions.openDocument(ev.document, { start: ev.start, end: ev.end }) }, t('collabOpenDoc'))) : null);
    })));
  };

  const draw = () => {
    const lng = lang();
    let summary: HTMLElement;
    if (status === 'loading') summary = h('p', { class: 'hint', id: 'collab-status' }, t('collabLoading'));
    else if (status === 'error') summary = h('p', { class: 'error', id: 'collab-status' }, say(lng, 'collabFailed', { reason: error }));
    else if (!network || network.nodes.length === 0) summary = h('p', { class: 'hint', id: 'collab-status' }, t('collabEmpty'));
    else {
      summary = h('p', { id: 'collab-status' }, say(lng, 'collabSummary', { nodes: network.nodes.length, edges: network.edges.length, clusters: network.clusters }),
        answer?.truncated ? h('span', { class: 'warn' }, ' ', say(lng, 'collabTruncated', { n: answer.pairs.length })) : null);
    }
    root.replaceChildren(controls(), summary, h('div', { class: 'collab-columns' }, h('div', { class: 'collab-left' }, legend()), h('div', { class: 'collab-right' }, sharedPanel())));
  };

  // The view opens on the latest plan year: "who works with whom now", and on a large archive one year reads
  // in a fraction of the whole archive's time (docs/ui.md#collaboration-network). All years is one click away.
  void filterChoices(ctx.store.get().documentsVersion).then((c) => {
    if (!alive) return;
    choices = c;
    if (!saved) {
      filter = { ...filter, year: c.years[0] ? String(c.years[0]) : '' };
      yearByDefault = true;
    }
    void load();
  }, () => { if (alive) void load(); });
  const off = followDocuments(ctx, { alive: () => alive, choices: (c) => { choices = c; draw(); }, reload: () => void load(), redraw: draw });
  return () => {
    alive = false;
    off();
    cy?.destroy();
    overlay.remove();
    root.remove();
  };
}
