import type { Action } from 'svelte/action';

interface SwipeOptions {
	enabled: boolean;
	onleft: () => void;
	onright: () => void;
}

/** A horizontal swipe of at least 80 px, clearly more sideways than up or down. */
export const swipe: Action<HTMLElement, SwipeOptions> = (node, initial) => {
	let options = initial;
	let start: { x: number; y: number; id: number } | null = null;

	const down = (event: PointerEvent) => {
		if (options.enabled && event.pointerType !== 'mouse') start = { x: event.clientX, y: event.clientY, id: event.pointerId };
	};
	const up = (event: PointerEvent) => {
		if (!start || event.pointerId !== start.id) return;
		const dx = event.clientX - start.x;
		const dy = event.clientY - start.y;
		start = null;
		if (!options.enabled || Math.abs(dx) < 80 || Math.abs(dx) < 2 * Math.abs(dy)) return;
		if (dx < 0) options.onleft();
		else options.onright();
	};
	const cancel = () => (start = null);
	node.addEventListener('pointerdown', down);
	node.addEventListener('pointerup', up);
	node.addEventListener('pointercancel', cancel);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', cancel);
		}
	};
};
