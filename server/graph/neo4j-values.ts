/*
 * Neo4j's wire types (64-bit Integer, temporals, Node, Relationship, Path) stop here: everything the graph
 * layer returns is plain JSON, so the API and the client never see a driver type.
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime, isPoint } from 'neo4j-driver';

export interface PlainNode { kind: 'node'; elementId: string; labels: string[]; properties: Record<string, unknown> }
export interface PlainRelationship {
  kind: 'relationship'; elementId: string; type: string; startElementId: string; endElementId: string; properties: Record<string, unknown>;
}
export interface PlainPath { kind: 'path'; nodes: PlainNode[]; relationships: PlainRelationship[] }

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isNode(value)) {
    return { kind: 'node', elementId: value.elementId, labels: [...value.labels], properties: plainProps(value.properties) } satisfies PlainNode;
  }
  if (isRelationship(value)) {
    return {
      kind: 'relationship', elementId: value.elementId, type: value.type,
      startElementId: value.startNodeElementId, endElementId: value.endNodeElementId, properties: plainProps(value.properties),
    } satisfies PlainRelationship;
  }
  if (isPath(value)) {
    const nodes: PlainNode[] = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const seg of value.segments) {
      relationships.push(toPlain(seg.relationship) as PlainRelationship);
      nodes.push(toPlain(seg.end) as PlainNode);
    }
    return { kind: 'path', nodes, relationships } satisfies PlainPath;
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) return { srid: toPlain(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return plainProps(value as Record<string, unknown>);
  }
  return value;
}

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}

export function isPlainNode(v: unknown): v is PlainNode {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'node';
}
export function isPlainRelationship(v: unknown): v is PlainRelationship {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'relationship';
}
export function isPlainPath(v: unknown): v is PlainPath {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'path';
}
