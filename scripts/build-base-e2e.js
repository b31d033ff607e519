// Builds the sites tests/e2e-base serves: the app with BASE_PATH=/a and with /b, by the same
// `npm run build` the GitHub Pages workflow runs, each into a folder of its own so build/
// (the root site the other end-to-end tests use) stays as it is.
import { spawnSync } from 'node:child_process';

export const BASE_BUILDS = [
	{ base: '/a', root: '.cache/e2e-base/a' },
	{ base: '/b', root: '.cache/e2e-base/b' }
];

if (process.argv[1]?.endsWith('build-base-e2e.js')) {
	for (const { base, root } of BASE_BUILDS) {
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const run = spawnSync(npm, ['run', 'build', '--silent'], {
			env: { ...process.env, BASE_PATH: base, BUILD_DIR: root },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		if (run.status !== 0) process.exit(run.status ?? 1);
		console.log(`built ${root} for ${base}/`);
	}
}
