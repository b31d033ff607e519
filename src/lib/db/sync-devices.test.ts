// Two and three "devices" (each its own fake IndexedDB) syncing through a real pouchdb-server,
// which speaks CouchDB's replication API. Whatever order they sync in, each ends with the same
// progress and log as a replay of everyone's events, and nothing is lost or doubled.
import { afterEach, describe, expect, it } from 'vitest';
import { cookieFetch, startCouch } from '../../../tests/couch/server';
import { couchForFile } from '../../../tests/couch/vitest';
import { mulberry32, randomInt } from '$lib/quiz/rng';
import { rate } from '$lib/scheduler/rate';
import { replayAll } from '$lib/scheduler/replay';
import type { Rating } from '$lib/scheduler/types';
import { CouchClient, userDbName } from '$lib/sync/couch';
import { SyncError } from '$lib/sync/errors';
import { rowIdOf, type SyncEvent } from '$lib/sync/events';
import { closeDatabase, database } from './database';
import { deviceId, newEventId } from './device';
import { buryUntil, cardReviewLog, getProgress, recordReview, resetProgress, setSuspended } from './progress';
import { addQuizResult, quizHistory } from './quiz';
import { getExam, saveExam } from './exam';
import { getSettings, saveSettings } from './settings';
import { pendingEvents } from './sync-state';
import { testDevice } from './sync-device.testing';
import { DAY, MINUTE, NOW, quizResult } from './testing';

const CARDS = ['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2'];
const couch = couchForFile();
let users = 0;

afterEach(closeDatabase);

const device = (user: string, server = () => couch().url) => testDevice(user, server);

async function newUser(): Promise<string> {
	const name = `person${++users}`;
	await couch().addUser(name, `pw-${name}`);
	return name;
}

/** Random study on the open device, as the study screen and the card menu make it. */
async function study(seed: number, from: number, steps: number): Promise<number> {
	const rng = mulberry32(seed);
	let t = from;
	for (let i = 0; i < steps; i++) {
		t += [MINUTE, 10 * MINUTE, 3 * 60 * MINUTE, DAY][randomInt(rng, 4)];
		const card = CARDS[randomInt(rng, CARDS.length)];
		const roll = rng();
		if (roll < 0.8) {
			const settings = await getSettings();
			const result = rate(await getProgress(card), card, (1 + randomInt(rng, 4)) as Rating, t, settings, 5_000, newEventId(t));
			await recordReview(result.progress, result.log);
		} else if (roll < 0.87) await buryUntil(card, t + DAY, t);
		else if (roll < 0.94) await setSuspended(card, rng() < 0.7, t);
		else await resetProgress(card, t);
	}
	return t;
}

/** What the open device stores, per card: progress and log (ids as rows keep them). */
async function stored() {
	const out: Record<string, unknown> = {};
	for (const card of CARDS) out[card] = { progress: await getProgress(card), log: await cardReviewLog(card) };
	return out;
}

/** A progress row with a bury that ended by `at` shown as no bury: both mean the same. */
function liftedBy(progress: unknown, at: number): unknown {
	const p = progress as { buriedUntil?: number } | null;
	return p && (p.buriedUntil ?? 0) <= at ? { ...p, buriedUntil: 0 } : p;
}

/** Everyone's events as the server holds them, replayed: what every device must end with. */
async function serverReplay(user: string, end: number) {
	const events = (await couch().eventDocs(userDbName(user))) as unknown as SyncEvent[];
	const replay = replayAll(events, await getSettings(), end);
	const out: Record<string, unknown> = {};
	for (const card of CARDS) {
		const replayed = replay.cards.get(card);
		out[card] = {
			progress: replayed?.progress ?? null,
			log: (replayed?.log ?? []).map((entry) => ({ ...entry, id: rowIdOf(entry.id) }))
		};
	}
	return { out, count: events.length, problems: replay.problems };
}

describe('sync between devices through a CouchDB server', () => {
	it('gives a device that signs in later the whole history and the same cards', async () => {
		const user = await newUser();
		const phone = device(user);
		await phone.use();
		const end = await study(1, NOW - 20 * DAY, 40);
		const made = await database().events.count();
		expect((await phone.sync(end)).pushed).toBe(made);
		expect(await pendingEvents()).toBe(0);
		const onPhone = await stored();

		const laptop = device(user);
		const outcome = await laptop.sync(end);
		expect(outcome.pulled).toBe(made);
		expect(outcome.problems).toEqual([]);
		expect(await stored()).toEqual(onPhone);
		const expected = await serverReplay(user, end);
		expect(expected.problems).toEqual([]);
		expect(expected.out).toEqual(onPhone);
	});

	it.each([
		['phone first', ['phone', 'laptop', 'phone']],
		['laptop first', ['laptop', 'phone', 'laptop']]
	])('merges study done on two devices while apart, %s', async (_name, order) => {
		const user = await newUser();
		const devices: Record<string, ReturnType<typeof device>> = { phone: device(user), laptop: device(user) };
		await devices.phone.use();
		let end = await study(2, NOW - 30 * DAY, 20);
		await devices.phone.sync(end);
		await devices.laptop.sync(end);
		// Apart: both study the same cards, interleaved in time.
		await devices.phone.use();
		const phoneEnd = await study(3, end, 25);
		await devices.laptop.use();
		const laptopEnd = await study(4, end + 30_000, 25);
		end = Math.max(phoneEnd, laptopEnd);
		for (const name of order) await devices[name].sync(end);

		const last = await stored();
		await devices[order[1]].use();
		expect(await stored()).toEqual(last);
		const expected = await serverReplay(user, end);
		expect(expected.problems).toEqual([]);
		expect(last).toEqual(expected.out);
		// Every event once on the server, once on each device.
		expect(await database().events.count()).toBe(expected.count);
		expect(await pendingEvents()).toBe(0);
	});

	it('lets a third device join after two have merged', async () => {
		const user = await newUser();
		const a = device(user);
		const b = device(user);
		await a.use();
		await study(5, NOW - 10 * DAY, 15);
		await b.use();
		const end = await study(6, NOW - 9 * DAY, 15);
		await a.sync(end);
		await b.sync(end);
		await a.sync(end);
		const merged = await stored();
		const c = device(user);
		await c.sync(end);
		expect(await stored()).toEqual(merged);
	});

	it('carries quiz results and changed settings to the other device', async () => {
		const user = await newUser();
		const phone = device(user);
		const laptop = device(user);
		await phone.use();
		const id = newEventId(NOW);
		await addQuizResult(quizResult(id, NOW, ['n1']));
		await saveSettings({ desiredRetention: 0.85, newPerDay: 7 });
		const exam = { date: '2025-03-20', target: 0.85, decks: { svc: '2025-03-15' } };
		await saveExam(exam);
		await phone.sync();
		await laptop.use();
		await saveSettings({ maximumInterval: 400 });
		expect((await laptop.sync()).problems).toEqual([]);
		expect((await quizHistory()).map((q) => q.id)).toEqual([id]);
		const onLaptop = await getSettings();
		expect([onLaptop.desiredRetention, onLaptop.newPerDay, onLaptop.maximumInterval]).toEqual([0.85, 7, 400]);
		expect(await getExam()).toEqual(exam);
		await phone.sync();
		const onPhone = await getSettings();
		expect([onPhone.desiredRetention, onPhone.newPerDay, onPhone.maximumInterval]).toEqual([0.85, 7, 400]);
		// Syncing again pulls nothing twice.
		expect((await quizHistory()).length).toBe(1);
	});

	it('turns history from before sync into events once, and a second device rebuilds it', async () => {
		const user = await newUser();
		const old = device(user);
		await old.use();
		const end = await study(7, NOW - 15 * DAY, 30);
		const before = await stored();
		// As a database from before the journal: rows and flags, no events.
		await database().events.clear();
		const first = await old.sync(end);
		expect(first.problems).toEqual([]);
		const converted = await database().events.count();
		expect(converted).toBeGreaterThan(0);
		expect(await stored()).toEqual(before);
		await old.sync(end);
		expect(await database().events.count()).toBe(converted);

		const fresh = device(user);
		await fresh.sync(end);
		const rebuilt = await stored();
		for (const card of CARDS) {
			const { progress, log } = rebuilt[card] as { progress: unknown; log: { id: string }[] };
			const original = before[card] as { progress: unknown; log: { id: string }[] };
			// A bury that ended before the sync means nothing; conversion leaves it out.
			expect(progress).toEqual(liftedBy(original.progress, end));
			// Converted ratings keep their rows' ids behind the `legacy.` prefix.
			expect(log.map((entry) => entry.id)).toEqual(original.log.map((entry) => entry.id));
		}
	});

	it('loses nothing when the server goes away mid-sync, and finishes on the next try', async () => {
		const user = await newUser();
		const phone = device(user);
		await phone.use();
		const end = await study(8, NOW - 5 * DAY, 60);
		const made = await database().events.count();
		// The connection dies after the first batch of the push.
		let calls = 0;
		const dying: typeof fetch = async (input, init) => {
			if (String(input).includes('_bulk_docs') && ++calls > 1) throw new TypeError('Failed to fetch');
			return fetch(input, init);
		};
		const client = new CouchClient(cookieFetch(dying), couch().url, user);
		await client.signIn(user, `pw-${user}`);
		const { replicate } = await import('$lib/sync/replicate');
		const { databaseSide } = await import('./sync-local');
		await expect(
			replicate(
				databaseSide(getSettings, () => end),
				client,
				{ replicationId: 'cut', batchSize: 20 }
			)
		).rejects.toBeInstanceOf(SyncError);
		expect(await pendingEvents()).toBe(made - 20);
		const outcome = await phone.sync(end);
		expect(outcome.pushed).toBe(made - 20);
		expect(await pendingEvents()).toBe(0);
		const expected = await serverReplay(user, end);
		expect(expected.count).toBe(made);
		expect(expected.out).toEqual(await stored());
	});

	it('finishes rebuilding cards after a run cut off between storing pulled events and rebuilding', async () => {
		const user = await newUser();
		const phone = device(user);
		await phone.use();
		const end = await study(11, NOW - 8 * DAY, 30);
		await phone.sync(end);
		const onPhone = await stored();
		const laptop = device(user);
		await laptop.use();
		const client = new CouchClient(cookieFetch(), couch().url, user);
		await client.signIn(user, `pw-${user}`);
		const { replicate } = await import('$lib/sync/replicate');
		const { databaseSide } = await import('./sync-local');
		// Pulled and stored, then the tab closed: no card rebuilt yet.
		await replicate(
			databaseSide(getSettings, () => end),
			client,
			{ replicationId: `tabledeck-${deviceId()}` }
		);
		expect(await getProgress('s1')).toBeNull();
		expect(await database().settings.get('sync.dirty')).toBeDefined();
		const outcome = await laptop.sync(end);
		expect(outcome.pulled).toBe(0);
		expect(await stored()).toEqual(onPhone);
		expect((await database().settings.get('sync.dirty'))?.value).toEqual([]);
	});

	it('keeps every waiting rating when the server is down, and says so', async () => {
		const user = await newUser();
		const gone = await startCouch();
		await gone.addUser(user, `pw-${user}`);
		const phone = device(user, () => gone.url);
		await phone.use();
		const end = await study(9, NOW - 3 * DAY, 10);
		await phone.sync(end);
		await phone.use();
		await study(10, end, 5);
		const waiting = await pendingEvents();
		expect(waiting).toBe(5);
		await gone.stop();
		const error = await phone.sync(end).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncError);
		expect((error as SyncError).kind).toBe('unreachable');
		expect(await pendingEvents()).toBe(waiting);
	});
});
