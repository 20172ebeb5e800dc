/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC 2.0 with Content-Length framing), enough to
 * drive a real language server the way an editor does: requests with timeouts, notifications, and answers to the
 * server's own requests (configuration, edits to apply, documents to open). The server process is killed on
 * `close()` whatever state it is in.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type ServerRequestHandler = (params: unknown) => unknown;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ReceivedRequest {
  method: string;
  params: unknown;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private exited = false;
  /** Every request the server sent to us, in order (for assertions and failure messages). */
  readonly serverRequests: ReceivedRequest[] = [];
  /** Server log lines (`window/logMessage`) and stderr, shown when something goes wrong. */
  readonly log: string[] = [];

  constructor(
    command: string,
    args: string[],
    cwd: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(`stderr: ${chunk.toString('utf8')}`));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.reject(
          new Error(`language server exited (code ${code}, signal ${signal}) before answering request ${id}`),
        );
      }
      this.pending.clear();
    });
    this.child.stdin.on('error', () => {
      // The server went away while we were writing; the exit handler reports it.
    });
  }

  /** Answers requests that the server sends to the client (`workspace/configuration`, `workspace/applyEdit`, ...). */
  onServerRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${this.timeoutMs} ms; server log:\n${this.log.join('\n')}`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params: params as Json });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params: params as Json });
  }

  /** Polite shutdown (`shutdown` + `exit`), then SIGKILL if the process is still there after a short grace period. */
  async close(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2_000))]);
        this.notify('exit', null);
      } catch {
        // Already gone or not answering: killed below.
      }
    }
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      const grace = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      clearTimeout(grace);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
  }

  private send(message: Record<string, Json | undefined>): void {
    if (this.exited) throw new Error(`language server has exited; cannot send ${String(message.method ?? message.id)}`);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: (\d+)/i.exec(header);
      if (!match) {
        this.log.push(`malformed LSP header: ${header}`);
        this.child.kill('SIGKILL');
        return;
      }
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(
        JSON.parse(body) as {
          id?: number | string;
          method?: string;
          params?: unknown;
          result?: unknown;
          error?: { message: string };
        },
      );
    }
  }

  private dispatch(message: {
    id?: number | string;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { message: string };
  }): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer it (with null when we have nothing to say).
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      let result: unknown = null;
      try {
        result = handler ? handler(message.params) : null;
      } catch (error) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
        return;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result: (result ?? null) as Json });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
        this.log.push(String((message.params as { message?: unknown } | undefined)?.message));
      }
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${message.error.message}\nserver log:\n${this.log.join('\n')}`));
      else pending.resolve(message.result);
    }
  }
}
