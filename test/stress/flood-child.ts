/**
 * The abusive client of abuse.test.ts, in a process of its own so that its work does not slow the
 * test's own measurements: `node --import tsx test/stress/flood-child.ts <origin> <seconds> <client address>`.
 * 20 connections ask a new zoom-14 tile each time, as fast as they can; prints autocannon's
 * counts as one JSON line.
 */
import autocannon from 'autocannon';

const [origin = '', seconds = '5', client = '203.0.113.7', start = '0'] = process.argv.slice(2);
let index = Number(start);
const freshTile = () => {
  index += 1;
  return `/tiles/clusters/14/${13_050 + (index % 200)}/${7_380 + Math.floor(index / 200)}.mvt`;
};
const result = await autocannon({
  url: origin,
  connections: 20,
  duration: Number(seconds),
  headers: { 'X-Forwarded-For': client, 'Accept-Encoding': 'gzip' },
  requests: [{ setupRequest: (request) => ({ ...request, path: freshTile() }) }],
});
const statuses = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
);
process.stdout.write(
  `${JSON.stringify({ requests: result.requests.total, duration: result.duration, errors: result.errors, statuses })}\n`,
);
