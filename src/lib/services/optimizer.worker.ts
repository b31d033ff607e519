/**
 * Runs FSRS's own optimizer (fsrs-rs in WebAssembly, fsrs-browser) off the page's thread:
 * its single-threaded computeParameters blocks for seconds on a large log, and needs no
 * cross-origin isolation (only its thread pool does, which this does not start).
 */
import init, { Fsrs } from 'fsrs-browser';
// A hashed asset: cached by the service worker on first use (vite.config.ts), so it works offline after.
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { toParameterList } from '$lib/scheduler/fsrs';
import { readReviewLog } from '$lib/db/log-reader';
import {
	MIN_TRAINING_REVIEWS,
	optimizerInput,
	packReviewLog,
	trainingItems,
	type ItemSpan,
	type PackedCards
} from '$lib/scheduler/optimizer-input';
import { evaluateParameters, newParametersBetter } from '$lib/scheduler/optimizer-metrics';
import type { OptimizeReply, OptimizeRequest } from './optimizer-protocol';

const post = (reply: OptimizeReply) => postMessage(reply);

function train(cards: PackedCards, items: ItemSpan[], current: readonly number[]): Float32Array {
	const input = optimizerInput(cards, items);
	// computeParameters consumes its Fsrs object: one per run.
	return new Fsrs(Float32Array.from(current)).computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true);
}

onmessage = async ({ data }: MessageEvent<OptimizeRequest>) => {
	try {
		post({ kind: 'stage', stage: 'reading' });
		const cards = packReviewLog(await readReviewLog(data.databaseName), data.dayStartHour);
		post({ kind: 'stage', stage: 'evaluating' });
		const items = trainingItems(cards);
		const currentMetrics = evaluateParameters(cards, items, data.current);
		const current = { w: [...data.current], metrics: currentMetrics };
		if (items.length < MIN_TRAINING_REVIEWS) {
			post({ kind: 'done', result: { reviews: items.length, current, optimized: null, better: false } });
			return;
		}
		await init({ module_or_path: wasmUrl });
		post({ kind: 'stage', stage: 'training' });
		const raw = train(cards, items, data.current);
		post({ kind: 'stage', stage: 'comparing' });
		const w = toParameterList(raw);
		const metrics = evaluateParameters(cards, items, w);
		post({
			kind: 'done',
			result: { reviews: items.length, current, optimized: { w, metrics }, better: newParametersBetter(currentMetrics, metrics) }
		});
	} catch (error) {
		post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
