/*
 * What an agency is called where several are listed side by side (the collaboration network, the workload
 * chart's legend): its name, and its area too when another listed agency has the same name. An archive of
 * several counties holds many 各街道办事处 and, for documents whose area is unknown, many 区发改局; drawn by name
 * alone they cannot be told apart, and ECharts even merges same-named series into one legend entry. Pure.
 */
import { tf } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';

export interface NamedAgency { id: string; name: string; jurisdiction: string | null }

/** id → label: the name, or "name · area" for names that more than one of `agencies` has. */
export function agencyLabels(agencies: readonly NamedAgency[], lang: Lang): Map<string, string> {
  const ids = new Map<string, Set<string>>();
  for (const a of agencies) ids.set(a.name, (ids.get(a.name) ?? new Set()).add(a.id));
  const labels = new Map<string, string>();
  for (const a of agencies) {
    const shared = (ids.get(a.name)?.size ?? 0) > 1;
    labels.set(a.id, shared ? `${a.name} · ${a.jurisdiction ?? tf(lang, 'hjAreaUnknown')}` : a.name);
  }
  return labels;
}
