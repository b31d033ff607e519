// One pouchdb-server per Vitest file: started before its tests, stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startCouch, type TestCouch } from './server';

/** The file's server; call the returned function inside tests and hooks. */
export function couchForFile(): () => TestCouch {
	let couch: TestCouch | undefined;
	beforeAll(async () => {
		couch = await startCouch();
	}, 30_000);
	afterAll(async () => {
		await couch?.stop();
	});
	return () => {
		if (!couch) throw new Error('The test server is not started yet: use it inside tests or hooks');
		return couch;
	};
}
