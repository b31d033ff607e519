import { escapeHtml } from './normalize';
import type { Question } from './types';

/**
 * The wording around card content, in one language. Every argument is safe HTML (card HTML
 * from the build, or escaped text), and so is every result.
 */
export interface PromptWords {
	/** A row key asked from one of its values: "Which 로그 레벨 (용도): 즉시 조치 필요?". */
	which(subject: string | null, column: string | null, value: string): string;
	compare(first: string, second: string): string;
	attributes(key: string, firstColumn: string, secondColumn: string): string;
	single(key: string): string;
}

/** The words an explain-aloud question's own prompt is built from (see buildExplain). */
export type ExplainWords = Pick<PromptWords, 'compare' | 'attributes' | 'single'>;

/**
 * A question's prompt as safe HTML in the reader's language. A card's own front (multiple
 * choice, typed) is shown as the notes wrote it; the engine's `promptHtml` is the fallback.
 */
export function promptHtml(question: Question, words: PromptWords): string {
	if (question.type === 'explain') {
		const [first, second] = question.model.rows;
		const [one, two] = question.model.columns.map(escapeHtml);
		if (question.kind === 'compare' && second) return words.compare(first.keyHtml, second.keyHtml);
		if (question.kind === 'attributes' && two !== undefined) return words.attributes(first.keyHtml, one, two);
		if (question.kind === 'single') return words.single(first.keyHtml);
		return question.promptHtml;
	}
	const ask = question.reverse;
	if (!ask) return question.promptHtml;
	return words.which(
		ask.subject === null ? null : escapeHtml(ask.subject),
		ask.column === null ? null : escapeHtml(ask.column),
		ask.value.html
	);
}
