// ESLint as `npx sv create` sets it up (recommended rules of ESLint, typescript-eslint and
// eslint-plugin-svelte; formatting left to Prettier), with the house's few departures below.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	// What .gitignore and .prettierignore leave out: outputs, caches, notes and frozen fixtures.
	globalIgnores([
		'build/',
		'.svelte-kit/',
		'.cache/',
		'static/decks/',
		'bench-results/',
		'test-results/',
		'playwright-report/',
		'decks/',
		'tests/fixtures/'
	]),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names itself, and knows the ambient ones (__BASE_PATH__) ESLint does not.
			'no-undef': 'off',
			// A leading underscore marks a parameter or binding kept on purpose (a callback's signature).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		rules: {
			// Links are built with appPath() (src/lib/paths.ts), not $app/paths' resolve(): its
			// route-id code would cost the home page's first visit 0.3 kB gzip of its budget.
			'svelte/no-navigation-without-resolve': 'off',
			// State classes keep private working Maps and Sets and publish results through $state
			// fields; a SvelteMap there would track reads that nothing renders.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Card and quiz HTML: sanitised when the notes are compiled (src/lib/notes), and every
		// piece the app adds around it is escaped (src/lib/quiz/prompt.ts).
		files: ['src/lib/components/**/*.svelte'],
		rules: { 'svelte/no-at-html-tags': 'off' }
	},
	{
		// Tests (and their shared helpers, *.testing.ts and backup/testing.ts) hand the readers
		// malformed rows on purpose, editing parsed JSON in place.
		files: ['**/*.test.ts', '**/*.testing.ts', 'src/lib/backup/testing.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
