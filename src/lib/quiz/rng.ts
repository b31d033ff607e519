import { fnv1a } from '$lib/hash';

/** A source of uniform numbers in [0, 1), like Math.random; pass a seeded one for repeatable quizzes. */
export type Rng = () => number;

/** mulberry32: a 32-bit state, fast and good enough for shuffling; the same seed gives the same stream. */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a, so a seed can come from text such as a date or a URL parameter. */
export function seedFromString(text: string): number {
	return fnv1a(text);
}

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
	return Math.floor(rng() * n);
}

/** Fisher–Yates, in place; returns the same array. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(rng, i + 1);
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
	return shuffleInPlace([...items], rng);
}
