/**
 * How well a set of FSRS parameters predicts a person's own log: fsrs-rs's `evaluate`
 * (the numbers Anki shows after Optimize), computed with ts-fsrs. Log loss is the weighted
 * cross-entropy of predicted recall against what happened; RMSE (bins) compares predicted
 * and actual recall within bins of gap, review count and lapse count. Items are weighted by
 * recency, 0.25 for the oldest to 1 for the newest, as fsrs-rs weights them.
 */
import { memoryModel, type Memory } from './fsrs';
import type { ItemSpan, PackedCards } from './optimizer-input';
import type { Rating } from './types';

export interface Metrics {
	logLoss: number;
	rmseBins: number;
}

/**
 * For each review, the stability the card had before it, computed once per card from its
 * whole sequence (an item's history is a prefix of its card's).
 */
function stabilitiesBefore(cards: PackedCards, w: readonly number[]): Float64Array {
	const model = memoryModel(w);
	const before = new Float64Array(cards.ratings.length);
	let start = 0;
	for (const length of cards.cardLengths) {
		let memory: Memory | null = null;
		for (let i = start; i < start + length; i++) {
			before[i] = memory?.stability ?? 0;
			memory = model.next(memory, memory ? cards.deltaDays[i] : 0, cards.ratings[i] as Rating);
		}
		start += length;
	}
	return before;
}

const bin = (x: number, base: number, scale: number) => Math.round(scale * Math.pow(base, Math.floor(Math.log(x) / Math.log(base))));

/** fsrs-rs's FSRSItem::r_matrix_index. */
function binOf(cards: PackedCards, item: ItemSpan): string {
	let longTerm = 0;
	let lapses = 0;
	for (let i = item.start; i < item.end; i++) {
		if (cards.deltaDays[i] === 0) continue;
		longTerm++;
		if (i < item.end - 1 && cards.ratings[i] === 1) lapses++;
	}
	const gap = bin(cards.deltaDays[item.end - 1], 3.62, 248);
	const length = bin(longTerm + 1, 1.89, 1.99);
	return `${gap}|${length}|${lapses === 0 ? 0 : bin(lapses, 1.73, 1.65)}`;
}

/** The metrics of parameters `w` on `items` (oldest first, as trainingItems gives them). */
export function evaluateParameters(cards: PackedCards, items: readonly ItemSpan[], w: readonly number[]): Metrics {
	const before = stabilitiesBefore(cards, w);
	const model = memoryModel(w);
	const last = Math.max(1, items.length - 1);
	const bins = new Map<string, { predicted: number; actual: number; count: number; weight: number }>();
	let loss = 0;
	let weights = 0;
	items.forEach((item, k) => {
		const i = item.end - 1;
		const p = model.recall(cards.deltaDays[i], before[i]);
		const y = cards.ratings[i] > 1 ? 1 : 0;
		const weight = 0.25 + 0.75 * Math.pow(k / last, 3);
		loss -= (y * Math.log(p) + (1 - y) * Math.log(1 - p)) * weight;
		weights += weight;
		const key = binOf(cards, item);
		const b = bins.get(key) ?? { predicted: 0, actual: 0, count: 0, weight: 0 };
		b.predicted += p;
		b.actual += y;
		b.count += 1;
		b.weight += weight;
		bins.set(key, b);
	});
	let squares = 0;
	for (const b of bins.values()) squares += Math.pow(b.predicted / b.count - b.actual / b.count, 2) * b.weight;
	return { logLoss: loss / weights, rmseBins: Math.sqrt(squares / weights) };
}

/**
 * Anki's rule after optimizing: the new parameters replace the ones in use only when they
 * predict the person's own log better, judged by log loss (the quantity the optimizer
 * minimises); on a tie or worse, the old ones stay.
 */
export function newParametersBetter(current: Metrics, optimized: Metrics): boolean {
	return Number.isFinite(optimized.logLoss) && optimized.logLoss < current.logLoss;
}
