import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/notes/types';
import { ANKI_HEADER, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from './csv';
import { review, T0 } from './testing';

describe('review log CSV', () => {
	it('writes one line per review with ISO times and quoted decks', () => {
		const rows = [review('r1', 'card-a', T0, { stateBefore: 0, rating: 1, elapsedDays: 0, scheduledDays: 0, durationMs: 2500 }), review('r2', 'card-b', T0 + 1000)];
		const text = REVIEW_CSV_HEADER + reviewCsvLines(rows, (row) => (row.cardId === 'card-a' ? 'K8s::Service "types", part 1' : 'Logs'));
		expect(text.split('\r\n')).toEqual([
			'card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms',
			'card-a,"K8s::Service ""types"", part 1",2025-03-10T12:00:00.000Z,1,new,0,0,2500',
			'card-b,Logs,2025-03-10T12:00:01.000Z,3,review,2,5,3000',
			''
		]);
	});
});

describe('Anki text export', () => {
	const card = (id: string, front: string, back: string): Card => ({
		id, deckId: 'd', front, back, frontText: front, backText: back, source: { file: 'infra monitoring.md', line: 3 },
		tableId: 't', rowKey: front, column: 'c', direction: 'forward'
	});

	it('has the header lines Anki reads and one note per line', () => {
		const text = ANKI_HEADER + ankiLines([card('c1', '<strong>Pod</strong>', '가장 작은 단위'), card('c2', '<a href="x">Link</a>', 'a\nb')], () => ['인프라', 'K8s::Core', 'Pod']);
		const lines = text.split('\n');
		expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#columns:Front\tBack\tDeck\tTags\tGUID', '#deck column:3', '#tags column:4', '#guid column:5']);
		expect(lines[7].split('\t')).toEqual(['<strong>Pod</strong>', '가장 작은 단위', '인프라::K8s:Core::Pod', 'tabledeck::infra_monitoring', 'c1']);
		expect(lines[8]).toBe('"<a href=""x"">Link</a>"\ta<br>b\t인프라::K8s:Core::Pod\ttabledeck::infra_monitoring\tc2');
		expect(lines).toHaveLength(10);
	});
});
