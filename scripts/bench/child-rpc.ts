// A helper process of a bench (a hall's sockets, a hundred halls' sockets), forked and driven over IPC: each
// request carries an id and its reply the same id, so calls may overlap; the child's exit fails what is waiting.
import { fork, type ChildProcess } from 'node:child_process';

/** A request without its id, for each kind of request (the id is the channel's business). */
export type Without<R> = R extends unknown ? Omit<R, 'id'> : never;

export class ChildRpc<Req extends { op: string }> {
  private readonly child: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(script: string, execArgv: string[], label: string) {
    this.child = fork(script, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; value: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(`${label}: ${m.error}`));
      else w.resolve(m.value);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`${label} process exited with ${code}`));
      this.waiting.clear();
    });
  }

  get pid() { return this.child.pid!; }

  call<T>(req: Without<Req>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...req, id });
    });
  }

  /** asks the child to close (request `{op: 'close'}`), and kills it if it has not gone after 5 s */
  async close() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.call<boolean>({ op: 'close' } as Without<Req>).catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
