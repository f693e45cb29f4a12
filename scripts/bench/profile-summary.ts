// Summarises a server .cpuprofile written by `npm run bench -- --cpu-prof`, cut to the project bursts
// (windows.json, written next to it): self and inclusive time per function.
//   npx tsx scripts/bench/profile-summary.ts [.bench/profiles] [label regex, default ^P\d$] [rows, default 40]
// Caveat: V8 samples by the wall clock, so on a busy machine time spent waiting for the CPU inside a
// system call (socket writes) is counted to that call; /proc CPU figures in the bench output are the
// real cost.
import fs from 'node:fs';
import path from 'node:path';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] }

const dir = process.argv[2] ?? '.bench/profiles';
const labels = new RegExp(process.argv[3] ?? '^P\\d$');
const rows = Number(process.argv[4] ?? 40);
const windows = (JSON.parse(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8')) as { label: string; startUs: number; endUs: number }[])
  .filter((w) => labels.test(w.label));
// The main thread's profile is the largest (the other one is tsx's loader thread).
const file = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/^.*?\/(server|shared|scripts)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
let busy = 0;
let idle = 0;
let t = p.startTime;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  const d = p.timeDeltas[i + 1] ?? 0;
  if (!windows.some((w) => t >= w.startUs && t <= w.endUs)) continue;
  let id: number | undefined = p.samples[i];
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === '(idle)') { idle += d; continue; }
  busy += d;
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + d);
  const seen = new Set<string>();
  while (id !== undefined) {
    const k = key(byId.get(id)!);
    if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + d); }
    id = parent.get(id);
  }
}
const show = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)
  .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`${file}\nwindows ${windows.map((w) => w.label).join(', ')}: busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s`);
console.log('--- self\n' + show(self));
console.log('--- inclusive\n' + show(incl));
