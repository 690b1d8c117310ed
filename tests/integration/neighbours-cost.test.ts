/*
 * A neighbours page must cost what its own types cost, not the node's whole degree: a hub's first page
 * of three small types once expanded all 12,405 of its relationships to keep three. The fixture is a
 * dense group agency (well over Neo4j's 50-relationship dense-node threshold, so relationships are
 * stored in groups per type and direction) with a few relationships of small types and hundreds of
 * members and mentions. The PROFILE of the page's statements (cypher/api/neighbors-of-type.cypher for
 * each type sorted by name, then cypher/api/neighbors.cypher), run with the parameters the service
 * sends, must read no more relationships than the page's types and directions hold, and the
 * pages, one after the other, must still be the whole neighbourhood sorted the plain way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { toNeo4jParams } from '../../server/graph/neo4j-params.ts';
import { loadApiCypher } from '../../server/graph/queries/api-cypher.ts';
import { LEAN_PARAMS } from '../../server/graph/queries/graph-elements.ts';
import { neighbors, neighbourPageParams, neighbourPages, neighbourTypeReads, type NeighborQuery, type TypeCount } from '../../server/graph/queries/nodes.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';
import { openTestDb } from './helpers.ts';

const HUB = 'agency:fixture-group';
const MEMBERS = 400;
const MENTIONS = 400;

/** The group: 3 areas it governs and 2 groups it belongs to (out), 400 members and 400 mentioning documents (in). */
const FIXTURE = `
CREATE (hub:Entity:Agency {id: $hub, name: '组'})
WITH hub
UNWIND range(1, 3) AS i
CREATE (hub)-[:GOVERNS {documents: ['d1'], evidenceDocs: ['d1'], evidenceStarts: [0], evidenceEnds: [1], evidenceTexts: ['组']}]->
       (:Entity:Area {id: 'area:' + i, name: '区' + (4 - i)})
WITH DISTINCT hub
UNWIND range(1, 2) AS i
CREATE (hub)-[:MEMBER_OF {documents: ['d1']}]->(:Entity:Agency {id: 'agency:parent-' + i, name: '上级' + i})
WITH DISTINCT hub
UNWIND range(1, $members) AS i
CREATE (hub)<-[:MEMBER_OF {documents: ['d1']}]-(:Entity:Agency {id: 'agency:member-' + i, name: '成员' + right('000' + toString((i * 37) % 100), 3)})
WITH DISTINCT hub
UNWIND range(1, $mentions) AS i
CREATE (hub)<-[:MENTIONS {documents: ['d' + i]}]-(:Entity:Document {id: 'document:' + i, docId: 'd' + i, name: '文件' + i})`;

/** The neighbours order, the plain way: every relationship in the direction, then one sort. */
const PLAIN = `
MATCH (n:Entity {id: $id})-[r]-(m)
WHERE ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
RETURN elementId(r) AS id, type(r) AS type
ORDER BY type(r), m.name, elementId(r)`;

interface ProfiledOperator { operatorType: string; dbHits: number; rows: number; arguments: { Details?: string }; children: ProfiledOperator[] }

let db: GraphDb;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await clearGraph(db);
  await db.write(FIXTURE, { hub: HUB, members: MEMBERS, mentions: MENTIONS });
}, 120_000);
afterAll(async () => {
  await clearGraph(db);
  await close();
});

/**
 * PROFILEs the statements of a page with the service's own parameters (each sorted type's read, then the
 * page): total db hits and the relationships every expansion yielded.
 */
async function profilePage(q: NeighborQuery): Promise<{ dbHits: number; expansions: string[] }> {
  const [head] = await db.read<{ counts: TypeCount[] }>(loadApiCypher('neighbor-totals'), { id: HUB, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys });
  const { pages } = neighbourPages(head!.counts, q);
  const out = { dbHits: 0, expansions: [] as string[] };
  const walk = (op: ProfiledOperator) => {
    out.dbHits += op.dbHits;
    if (/Expand|RelationshipsScan|RelationshipTypeScan/.test(op.operatorType) && op.rows > 0) out.expansions.push(`${op.arguments.Details ?? op.operatorType}: ${op.rows}`);
    op.children.forEach(walk);
  };
  const session = db.session('READ');
  try {
    const profile = async (text: string, params: Record<string, unknown>) => {
      const result = await session.run(`PROFILE ${text}`, toNeo4jParams(params));
      walk(result.summary.profile as unknown as ProfiledOperator);
      return result.records.map((r) => r.toObject() as Record<string, unknown>);
    };
    const sorted = [];
    for (const read of neighbourTypeReads(HUB, q, pages)) sorted.push({ type: read.type, ids: (await profile(read.text, read.params)).map((r) => String(r.id)) });
    await profile(loadApiCypher('neighbors'), neighbourPageParams(HUB, q, pages, sorted));
    return out;
  } finally {
    await session.close();
  }
}

async function pagedNeighbours(q: Omit<NeighborQuery, 'offset'>): Promise<{ id: string; type: string }[]> {
  const out: { id: string; type: string }[] = [];
  for (let offset = 0; ; offset += q.limit) {
    const page = await neighbors(db, HUB, { ...q, offset }, 60_000);
    out.push(...page.edges.map((e) => ({ id: e.id, type: e.type })));
    if (page.shown < q.limit) return out;
  }
}

describe('the cost of a neighbours page of a dense node', () => {
  it('reads a first page of the three governed areas without expanding the 800 members and mentions', async () => {
    const cost = await profilePage({ direction: 'both', offset: 0, limit: 3 });
    expect(cost.expansions).toEqual(['(n)-[r:GOVERNS]->(m): 3']);
    // The lean maps of three relationships and their ends, and the look-ups; the old single expansion alone was 805 hits.
    expect(cost.dbHits).toBeLessThan(200);
  });

  it('reads only the asked direction of a type the node has both ways', async () => {
    const cost = await profilePage({ direction: 'out', types: ['MEMBER_OF'], offset: 0, limit: 50 });
    expect(cost.expansions).toEqual(['(n)-[r:MEMBER_OF]->(m): 2']);
    expect(cost.dbHits).toBeLessThan(200);
  });

  it('reads a page inside a big type by expanding that type and direction alone', async () => {
    const cost = await profilePage({ direction: 'in', types: ['MENTIONS'], offset: 120, limit: 20 });
    expect(cost.expansions).toEqual([`(n)<-[r:MENTIONS]-(m): ${MENTIONS}`]);
  });
});

describe('the pages of a dense node, one after the other', () => {
  it('are the whole neighbourhood in the plain order in every direction, with and without a label filter', async () => {
    for (const direction of ['both', 'out', 'in'] as const) {
      for (const labels of [undefined, ['Agency']]) {
        const plain = await db.read<{ id: string; type: string }>(PLAIN, { id: HUB, direction, labels: labels ?? null });
        expect(plain.length, `${direction} ${String(labels)}`).toBeGreaterThan(0);
        expect(await pagedNeighbours({ direction, labels, limit: 60 }), `${direction} ${String(labels)}`).toEqual(plain);
      }
    }
  });
});
