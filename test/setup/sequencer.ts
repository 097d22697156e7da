// The order the run's files are handed to the two workers (issue 9: fast tests). Vitest queues the
// projects one after another in the order of their names (browser, cli, core, database,
// database-isolated, unit) and, inside a project, the files that took longest last time first. A
// worker keeps its module graph only while the next file in the queue is of its own project
// (`isolate: false`), so a project's files stay together here too; but the projects go longest
// file first: the three shop-model trainings (database-isolated, a minute and more each on a busy
// machine) used to come last, one worker training while the other had nothing left to do. Now
// they start the run, and the many short core and unit files end it, filling whatever a worker
// has left.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Projects in the order they are queued; a project not listed goes last. */
export const PROJECT_ORDER = ['database-isolated', 'browser', 'cli', 'database', 'unit', 'core'];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (s: TestSpecification) => {
      const i = PROJECT_ORDER.indexOf(s.project.name);
      return i < 0 ? PROJECT_ORDER.length : i;
    };
    // Stable: inside a project, vitest's own order (failed first, then longest first).
    return sorted
      .map((spec, at) => ({ spec, at }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.at - b.at)
      .map(({ spec }) => spec);
  }
}
