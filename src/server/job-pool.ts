import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HttpError } from './http.js';
import type { JobAnswer, JobMessage } from './job-worker.js';
import type { Job, JobRunner } from './jobs.js';

/** What bounds a pool: processes, waiting jobs, and how long a job may overrun its deadline. */
export interface PoolLimits {
  /** Job processes (one job each at a time). */
  processes: number;
  /** Jobs waiting for a proc; one more is answered 503 at once. */
  queue: number;
  /** Milliseconds past its deadline after which a job's process is killed and replaced. */
  grace: number;
  /** Milliseconds a process is kept idle before it is stopped (the last one renewed), so memory returns after a burst. */
  idle: number;
  /** Milliseconds the time limit was, for the sentence a late job gets. */
  timeLimit: number;
}

/** Heap a job process may grow to: a runaway job dies alone instead of taking the machine. */
const JOB_HEAP_MB = 1024;

interface Task {
  id: number;
  job: Job;
  deadline: number;
  resolve(json: string): void;
  reject(error: Error): void;
}

interface Proc {
  worker: ChildProcess;
  task?: Task | undefined;
  timer?: NodeJS.Timeout | undefined;
  idleTimer?: NodeJS.Timeout | undefined;
}

/**
 * Jobs in child processes: the server's event loop only routes, so a plain request answers
 * at once however many heavy ones run. Each job has a deadline; a job still running past
 * it (plus a grace for its own checks to stop it) has its process killed and replaced, so
 * no request runs past its deadline. Waiting jobs are bounded, and a process idle for a
 * while is replaced by a fresh one, so the memory a burst took goes back to the system.
 */
export class JobPool implements JobRunner {
  private readonly processes: Proc[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly limits: PoolLimits,
    private readonly onInternalError: (error: string) => void = (e) => console.error(e),
  ) {}

  run(job: Job, deadline: number): Promise<string> {
    if (this.closed) return Promise.reject(new HttpError(503, 'the explorer is shutting down'));
    if (this.waiting.length >= this.limits.queue)
      return Promise.reject(
        new HttpError(
          503,
          `the explorer is busy (${this.waiting.length} requests waiting, the most it queues); try again in a moment`,
        ),
      );
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, deadline, resolve, reject });
      this.pump();
    });
  }

  /** Processes busy and jobs waiting, for tests and logs. */
  load(): { busy: number; waiting: number; processes: number } {
    return {
      busy: this.processes.filter((t) => t.task).length,
      waiting: this.waiting.length,
      processes: this.processes.length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0))
      task.reject(new HttpError(503, 'the explorer is shutting down'));
    await Promise.all(this.processes.splice(0).map((t) => this.stop(t)));
  }

  private tooLate(): HttpError {
    return new HttpError(
      400,
      `this request took longer than the time limit of ${this.limits.timeLimit / 1000} s; ask for fewer samples or a shorter scenario`,
    );
  }

  /** Hand waiting jobs to idle processes, starting processes up to the limit. */
  private pump(): void {
    while (this.waiting.length > 0) {
      let proc = this.processes.find((t) => !t.task);
      if (!proc && this.processes.length < this.limits.processes) proc = this.spawn();
      if (!proc) return;
      const task = this.waiting.shift() as Task;
      if (Date.now() >= task.deadline) {
        task.reject(this.tooLate());
        continue;
      }
      this.start(proc, task);
    }
  }

  private spawn(): Proc {
    const worker = fork(fileURLToPath(new URL('./job-worker.js', import.meta.url)), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [`--max-old-space-size=${JOB_HEAP_MB}`],
    });
    const proc: Proc = { worker };
    // An idle pool never keeps the server alive; a busy one is waited on through its jobs.
    worker.unref();
    worker.channel?.unref();
    worker.on('message', (answer: JobAnswer) => this.finish(proc, answer));
    worker.on('error', (error) => this.lose(proc, error.stack ?? error.message));
    worker.on('exit', (code, signal) => this.lose(proc, `a job process exited (${signal ?? code})`));
    this.processes.push(proc);
    return proc;
  }

  private start(proc: Proc, task: Task): void {
    clearTimeout(proc.idleTimer);
    proc.task = task;
    proc.timer = setTimeout(
      () => {
        // Past its deadline and the grace its own checks had: kill its process, so nothing outlives the request.
        if (proc.task !== task) return;
        proc.task = undefined;
        task.reject(this.tooLate());
        this.replace(proc);
      },
      Math.max(0, task.deadline - Date.now()) + this.limits.grace,
    );
    proc.timer.unref();
    proc.worker.channel?.ref();
    proc.worker.send({ id: task.id, job: task.job } satisfies JobMessage);
  }

  private finish(proc: Proc, answer: JobAnswer): void {
    const task = proc.task;
    if (!task || task.id !== answer.id) return;
    clearTimeout(proc.timer);
    proc.task = undefined;
    proc.worker.channel?.unref();
    if (answer.ok) task.resolve(answer.json);
    else if (answer.status >= 500) {
      this.onInternalError(answer.stack ?? answer.message);
      task.reject(new Error(answer.message));
    } else task.reject(new HttpError(answer.status as HttpError['status'], answer.message));
    this.idleLater(proc);
    this.pump();
  }

  /** A process that died (a crash, out of memory): fail its job and carry on with a fresh one. */
  private lose(proc: Proc, why: string): void {
    const at = this.processes.indexOf(proc);
    if (at < 0) return;
    this.processes.splice(at, 1);
    clearTimeout(proc.timer);
    clearTimeout(proc.idleTimer);
    const task = proc.task;
    proc.task = undefined;
    if (task) {
      this.onInternalError(why);
      task.reject(new Error(why));
    }
    if (!this.closed) this.pump();
  }

  private replace(proc: Proc): void {
    const at = this.processes.indexOf(proc);
    if (at >= 0) this.processes.splice(at, 1);
    void this.stop(proc);
    this.pump();
  }

  /**
   * A process idle for a while is stopped, giving back the memory its jobs grew; the last one
   * is swapped for a fresh process (which loads its modules at once), so the next request
   * does not wait for a cold start.
   */
  private idleLater(proc: Proc): void {
    clearTimeout(proc.idleTimer);
    proc.idleTimer = setTimeout(() => {
      const at = this.processes.indexOf(proc);
      if (proc.task || at < 0) return;
      this.processes.splice(at, 1);
      void this.stop(proc);
      if (this.processes.length === 0 && !this.closed) this.spawn();
    }, this.limits.idle);
    proc.idleTimer.unref();
  }

  private async stop(proc: Proc): Promise<void> {
    clearTimeout(proc.timer);
    clearTimeout(proc.idleTimer);
    const { worker } = proc;
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    worker.on('error', () => {});
    if (worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.kill('SIGKILL');
    await exited;
  }
}
