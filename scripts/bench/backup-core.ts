/**
 * What npm run bench:backup-read times, in Node or in Chromium (the same code, bundled): a
 * backup of N cards and M reviews written with the app's BackupWriter from rows in memory, then
 * read back with the app's reader, stage by stage. Everything here is the app's own code; the
 * stages are timed by running each part alone over the same text and rows.
 */
import * as v from 'valibot';
import { toProgressTuple, toReviewLogTuple, type ReviewLogTuple } from '../../src/lib/backup/format';
import { fileText, yieldToPage } from '../../src/lib/backup/files';
import { NO_LIMITS } from '../../src/lib/backup/json-errors';
import { ObjectStream } from '../../src/lib/backup/json-stream';
import { reviewProblem } from '../../src/lib/backup/meaning';
import { readBackup } from '../../src/lib/backup/read';
import { rowSchemas } from '../../src/lib/backup/schema';
import { reviewRowOk } from '../../src/lib/backup/row-check';
import { BackupWriter } from '../../src/lib/backup/write';
import { DEFAULT_SETTINGS, type ReviewLogEntry } from '../../src/lib/scheduler/types';
import { generateBenchData } from './db-data';

const DAY = 86_400_000;
/** Rows handed to the writer at a time, as db/backup.ts's export reads them. */
const SLICE = 10_000;

export interface BackupBenchReport {
	megabytes: number;
	progressRows: number;
	reviewRows: number;
	/** Export, given the rows in memory: log entries to tuples, and tuples to JSON text in Blobs. */
	write: { tuples: number; json: number; pack: number; total: number };
	/** Import: each part alone, then the whole reader. */
	read: {
		chunks: number;
		decode: number;
		scanAndParse: number;
		fastScanAndParse: number;
		parseAlone: number;
		valibotLog: number;
		fastLog: number;
		meaningLog: number;
		whole: number;
		wholeFromFile: number;
	};
}

const time = <T>(work: () => T): [T, number] => {
	const t0 = performance.now();
	const value = work();
	return [value, performance.now() - t0];
};

async function timeAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
	const t0 = performance.now();
	const value = await work();
	return [value, performance.now() - t0];
}

export async function runBackupBench(cards: number, reviews: number): Promise<BackupBenchReport> {
	const now = Math.floor(Date.UTC(2026, 11, 1) / DAY) * DAY;
	// Every card studied: ten ratings each at 1M reviews. At 0.7 (the default) fourteen ratings
	// reach back before 2000, which the reader refuses.
	const data = generateBenchData({ cards, reviews, seed: 7, now, studiedShare: 1 });
	let pack = 0;
	const writer = new BackupWriter({ exportedAt: now, settings: { ...DEFAULT_SETTINGS }, preferences: {} }, (texts) => {
		const [blob, t] = time(() => new Blob(texts));
		pack += t;
		return blob;
	});
	let tuples = 0;
	let json = 0;
	const [, progressJson] = time(() => writer.rows('progress', data.progress.map(toProgressTuple)));
	json += progressJson;
	const log: ReviewLogEntry[] = [];
	for (const batch of data.reviewLogBatches(SLICE)) for (const row of batch) log.push(row);
	// In id order, as the export reads the log (by its primary key), a slice at a time; each slice
	// is a fresh copy, as IndexedDB's read gives it (sorting left the rows scattered in memory).
	log.sort((a, b) => (a.id < b.id ? -1 : 1));
	for (let i = 0; i < log.length; i += SLICE) {
		const slice = structuredClone(log.slice(i, i + SLICE));
		const [rows, t] = time(() => slice.map(toReviewLogTuple));
		tuples += t;
		json += time(() => writer.rows('reviewLog', rows))[1];
	}
	log.length = 0;
	const [parts, finish] = time(() => writer.finish());
	json += finish;
	const blob = new Blob(parts, { type: 'application/json' });

	// The file's text as the app decodes it.
	const chunks: string[] = [];
	const [, decode] = await timeAsync(async () => {
		for await (const chunk of fileText(blob)) chunks.push(chunk);
	});

	// Scan and JSON.parse alone, with no checks: the careful scanner over every character, then
	// the fast path that hands the text up to each chunk's last row break to JSON.parse.
	const streamAlone = (fast: ReadonlySet<string>) =>
		time(() => {
			const handler = { value: () => {}, elements: () => {}, batch: () => true };
			const stream = new ObjectStream(new Set(['progress', 'reviewLog', 'quizHistory', 'notes']), handler, NO_LIMITS, fast);
			for (const chunk of chunks) stream.feed(chunk);
			stream.end();
		})[1];
	const scanAndParse = streamAlone(new Set());
	const fastScanAndParse = streamAlone(new Set(['progress', 'reviewLog']));

	const [parsed, whole] = await timeAsync(() => readBackup(chunks, { now }));
	const parsedLog = parsed.reviewLog;
	// JSON.parse alone, over the same rows' text in slices of about a chunk's size.
	const chunkCount = chunks.length;
	const perSlice = Math.max(1, Math.round(parsedLog.length / chunkCount));
	const texts: string[] = [];
	for (let i = 0; i < parsedLog.length; i += perSlice) texts.push(JSON.stringify(parsedLog.slice(i, i + perSlice)));
	const [, parseAlone] = time(() => {
		for (const text of texts) JSON.parse(text);
	});
	texts.length = 0;
	const slices: ReviewLogTuple[][] = [];
	for (let i = 0; i < parsedLog.length; i += perSlice) slices.push(parsedLog.slice(i, i + perSlice));
	const schema = v.array(rowSchemas(now).reviewLogRow);
	const [, valibotLog] = time(() => {
		for (const slice of slices) if (!v.safeParse(schema, slice, { abortEarly: true }).success) throw new Error('valibot refused');
	});
	const [, fastLog] = time(() => {
		const ok = reviewRowOk(now);
		for (const slice of slices) for (const row of slice) if (!ok(row)) throw new Error('fast check refused');
	});
	const [, meaningLog] = time(() => {
		for (const slice of slices) for (const row of slice) if (reviewProblem(row)) throw new Error('meaning refused');
	});
	slices.length = 0;
	chunks.length = 0;
	const [, wholeFromFile] = await timeAsync(() => readBackup(fileText(blob), { now, pause: yieldToPage }));
	return {
		megabytes: blob.size / 1e6,
		progressRows: parsed.progress.length,
		reviewRows: parsedLog.length,
		write: { tuples, json, pack, total: tuples + json },
		read: { chunks: chunkCount, decode, scanAndParse, fastScanAndParse, parseAlone, valibotLog, fastLog, meaningLog, whole, wholeFromFile }
	};
}
