// Runs after `npm ci`/`npm install`: builds the workbench (web/) so `npm start` serves it at once.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}web/index.html`)) process.exit(0);
const res = spawnSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(res.status ?? 1);
