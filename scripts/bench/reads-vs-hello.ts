// The read measurement of the portal and province benches: every target once to make its page, then rounds of
// each target with a bare "hello" before and after each round, printed as req/s and as the ratio to the mean of
// the two hellos around it (the machine's load moves both alike).
import { fmt, median, timed, type HttpClient, type PreparedRequest } from './lib.js';

export type ReadTarget = [label: string, make: (i: number) => PreparedRequest];

export interface ReadsOptions { concurrency: number; duration: number; rounds: number; title: string; width: number; gzip?: boolean }

export async function readsAgainstHello(client: HttpClient, hello: HttpClient, targets: ReadTarget[], o: ReadsOptions, say: (s: string) => void): Promise<Map<string, number[]>> {
  const helloReq = (): PreparedRequest => ({ method: 'GET', path: '/hello', headers: {} });
  await timed(hello, helloReq, o.concurrency, 1000);
  for (const [, make] of targets) await timed(client, make, o.concurrency, 1000); // every page made once
  const hellos: number[] = [];
  const figures = new Map<string, number[]>(targets.map(([k]) => [k, []]));
  say(`\nreads: ${o.concurrency} in flight, ${o.duration} ms per measurement, ${o.gzip ? 'gzip accepted, ' : ''}hello alternating with each round`);
  const h = async () => {
    const r = await timed(hello, helloReq, o.concurrency, o.duration);
    hellos.push(r.perSecond);
    say(`  ${'hello'.padEnd(o.width)} ${fmt(r.perSecond).padStart(6)} req/s`);
  };
  await h();
  for (let round = 0; round < o.rounds; round++) {
    for (const [k, make] of targets) {
      const r = await timed(client, make, o.concurrency, o.duration);
      figures.get(k)!.push(r.perSecond);
      say(`  ${k.padEnd(o.width)} ${fmt(r.perSecond).padStart(6)} req/s  [statuses ${JSON.stringify([...r.statuses])}]`);
    }
    await h();
  }
  say(`\n---------------- ${o.title} ----------------`);
  say(`hello (bare Hono): ${hellos.map((x) => fmt(x)).join(', ')} req/s`);
  for (const [k, values] of figures) {
    const ratios = values.map((v, i) => v / ((hellos[i] + hellos[i + 1]) / 2));
    say(`${k.padEnd(o.width)} ${values.map((x) => fmt(x)).join(', ')} req/s; ratio to hello ${ratios.map((r) => fmt(r, 2)).join(', ')} → median ${fmt(median(ratios), 2)} (bar ≥ 0.50)`);
  }
  return figures;
}
