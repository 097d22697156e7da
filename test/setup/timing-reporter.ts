// Where a test run's time goes (issue 9: fast, steady tests), written on every `vitest run` to
// test-results/timings.json: for each file its project, when it started and ended in the run, and
// its time split into vitest's preparation, the setup files, the import of the file and its
// modules (collect), the tests themselves and the hooks (beforeAll/afterAll: servers, seeds,
// browsers). On a machine shared with other work the wall time of the run says little; these
// per-file figures, summed per project, are what to compare between two runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface FileTiming {
  project: string;
  file: string;
  state: string;
  /** Seconds since the run started, when the file started and ended in its worker. */
  startS: number;
  endS: number;
  /** Milliseconds. */
  prepareMs: number;
  setupMs: number;
  collectMs: number;
  testsMs: number;
  hooksMs: number;
}

const round = (n: number) => Math.round(n);

export default class TimingReporter implements Reporter {
  private readonly started = Date.now();
  private readonly startOf = new Map<string, number>();
  private readonly files: FileTiming[] = [];
  private root = process.cwd();

  onInit(ctx: { config: { root: string } }): void {
    this.root = ctx.config.root;
  }

  onTestModuleStart(module: TestModule): void {
    this.startOf.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    let testsMs = 0;
    for (const test of module.children.allTests()) testsMs += test.diagnostic()?.duration ?? 0;
    const end = Date.now();
    const start = this.startOf.get(module.moduleId) ?? end;
    this.files.push({
      project: module.project.name,
      file: module.moduleId.startsWith(this.root) ? module.moduleId.slice(this.root.length + 1) : module.moduleId,
      state: module.state(),
      startS: round((start - this.started) / 100) / 10,
      endS: round((end - this.started) / 100) / 10,
      prepareMs: round(d.prepareDuration + d.environmentSetupDuration),
      setupMs: round(d.setupDuration),
      collectMs: round(d.collectDuration),
      testsMs: round(testsMs),
      hooksMs: round(Math.max(0, d.duration - testsMs)),
    });
  }

  onTestRunEnd(): void {
    const projects: Record<string, { files: number; prepareMs: number; setupMs: number; collectMs: number; testsMs: number; hooksMs: number; firstS: number; lastS: number }> = {};
    for (const f of this.files) {
      const p = (projects[f.project] ??= { files: 0, prepareMs: 0, setupMs: 0, collectMs: 0, testsMs: 0, hooksMs: 0, firstS: Infinity, lastS: 0 });
      p.files += 1;
      p.prepareMs += f.prepareMs;
      p.setupMs += f.setupMs;
      p.collectMs += f.collectMs;
      p.testsMs += f.testsMs;
      p.hooksMs += f.hooksMs;
      p.firstS = Math.min(p.firstS, f.startS);
      p.lastS = Math.max(p.lastS, f.endS);
    }
    const dir = join(this.root, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'timings.json'),
      `${JSON.stringify({ wallS: round((Date.now() - this.started) / 100) / 10, projects, files: this.files.sort((a, b) => a.startS - b.startS) }, null, 1)}\n`,
    );
  }
}
