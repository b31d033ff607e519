/**
 * node scripts/run.js scripts/bench/profile-top.ts FILE.cpuprofile [N] — where a CPU profile's time went:
 * the N (20) functions with the most self time, and the time the page's thread was idle (waiting,
 * e.g. on IndexedDB, whose work is in the browser process) or in garbage collection. Build with
 * TABLEDECK_NO_MINIFY=1 npm run build to see the app's function names.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, top = '20'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
	const ms = (profile.timeDeltas[i] ?? 0) / 1000;
	total += ms;
	const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
	const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
	self.set(name, (self.get(name) ?? 0) + ms);
});
console.log(`${Math.round(total)} ms sampled`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
	console.log(`${String(Math.round(ms)).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
