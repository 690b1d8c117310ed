/*
 * Property values on the wire are what the client's types say (graph-elements.ts PropValue): primitives and
 * lists of texts or numbers. Stored properties pass unchanged; anything a projection could add (a map, a
 * point, a mixed list) arrives as JSON text rather than as a shape the client does not expect.
 */
import { describe, expect, it } from 'vitest';
import { propValue, toApiEdge, toApiNode, wireProps } from '../../../../server/graph/queries/graph-elements.ts';

describe('a property value on the wire', () => {
  it('is a stored primitive or list unchanged', () => {
    expect(propValue('长乐区政府')).toBe('长乐区政府');
    expect(propValue(2019)).toBe(2019);
    expect(propValue(true)).toBe(true);
    expect(propValue(['a', 'b'])).toEqual(['a', 'b']);
    expect(propValue([1, 2.5])).toEqual([1, 2.5]);
    expect(propValue(undefined)).toBeNull();
  });

  it('is JSON text for a map or point, and texts for a mixed list', () => {
    expect(propValue({ srid: 7203, x: 1, y: 2, z: null })).toBe('{"srid":7203,"x":1,"y":2,"z":null}');
    expect(propValue([1, 'a', { k: 1 }])).toEqual(['1', 'a', '{"k":1}']);
  });

  it('keeps only the keys asked for', () => {
    expect(wireProps({ id: 'x', pinyin: 'zhang', at: { y: 1 } }, (k) => k !== 'pinyin')).toEqual({ id: 'x', at: '{"y":1}' });
  });
});

describe('graph elements', () => {
  it('carry their properties as wire values', () => {
    const n = toApiNode({ kind: 'node', elementId: '4:x:1', labels: ['Entity', 'Task'], properties: { id: 'task:a:1', name: 't', year: 2020, place: { x: 1 } } });
    expect(n.properties).toEqual({ id: 'task:a:1', name: 't', year: 2020, place: '{"x":1}' });
    const e = toApiEdge({ kind: 'relationship', elementId: '5:x:1', type: 'LEADS', startElementId: 'a', endElementId: 'b', properties: { role: 'lead', documents: ['d1'] } }, (x) => x);
    expect(e.properties).toEqual({ role: 'lead' });
  });
});
