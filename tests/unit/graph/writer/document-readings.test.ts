import { describe, expect, it } from 'vitest';
import { documentReadings } from '../../../../server/graph/writer/document-readings.ts';

describe('documentReadings', () => {
  it('counts tasks, distinct unit-task pairs whatever the roles, entities, targets and warnings', () => {
    const nodes = [
      { label: 'Task' as const }, { label: 'Task' as const }, { label: 'Agency' as const }, { label: 'Park' as const },
      { label: 'Target' as const }, { label: 'Indicator' as const }, { label: 'Plan' as const }, { label: 'Observation' as const },
    ];
    const rels = [
      { type: 'RESPONSIBLE_FOR', from: 'a', to: 't1' }, { type: 'RESPONSIBLE_FOR', from: 'a', to: 't1' },
      { type: 'RESPONSIBLE_FOR', from: 'a', to: 't2' }, { type: 'MENTIONS', from: 't1', to: 'p' },
    ];
    expect(documentReadings(nodes, rels, { size: 123, warnings: ['w'] })).toEqual({
      size: 123, taskCount: 2, responsibilityCount: 2, entityCount: 2, targetCount: 1, observationCount: 1, warningCount: 1, warnings: ['w'],
    });
  });

  it('stores a null size and no warnings when the caller knows neither', () => {
    expect(documentReadings([], [], {})).toMatchObject({ size: null, warningCount: 0, warnings: [] });
  });
});
