/**
 * Moves focus to `element` once the frame being drawn is on screen, if `may(focused)` agrees
 * with taking it from where it is then. Focusing forces a layout; done at once, it would hold
 * up the frame that shows the next card.
 */
export function focusAfterPaint(element: HTMLElement, may: (focused: Element | null) => boolean): void {
	requestAnimationFrame(() =>
		setTimeout(() => {
			if (element.isConnected && may(document.activeElement)) element.focus({ preventScroll: true });
		})
	);
}
