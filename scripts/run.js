// Runs a TypeScript script: esbuild bundles it with everything it imports into one cached ES
// module, then Node runs that. tsx would work too, but its loader hooks add ~0.6 s to load the
// ~150 small modules of the markdown parser, more than the whole build of the bundled notes.
import { build } from 'esbuild';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
// Named from the whole path (scripts/bench/quiz/main.ts → bench-quiz-main.mjs): two entries
// with the same file name in different folders must not overwrite each other's bundle.
const name = relative('scripts', resolve(entry))
	.replace(/\.ts$/, '')
	.replace(/[\\/]|\.\./g, '-');
const outfile = `.cache/scripts/${name}.mjs`;
await build({
	entryPoints: [entry],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	// tsconfig.json extends .svelte-kit/tsconfig.json, which exists only after `svelte-kit sync`,
	// so reading it warned on every run; nothing in it changes how esbuild compiles scripts.
	tsconfigRaw: {},
	// …but app modules import each other as $lib/… (SvelteKit's alias), so name it here.
	alias: { $lib: './src/lib' },
	// Some dependencies are CommonJS and call require(); give the ES module one.
	banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
