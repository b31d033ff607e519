import { describe, expect, it } from 'vitest';
import { BackupError } from './read';
import { fileText } from './files';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
	let text = '';
	for await (const chunk of chunks) text += chunk;
	return text;
}

describe('fileText', () => {
	it('decodes a file chunk by chunk and reports the bytes read of its size', async () => {
		// Multi-byte text in several parts, so it streams in several chunks.
		const part = '{"쿠버네티스":"서비스 타입 ClusterIP"}\n'.repeat(2000);
		const text = part.repeat(4);
		const file = new Blob([part, part, part, part]);
		const reports: [number, number][] = [];
		expect(await collect(fileText(file, (read, size) => reports.push([read, size])))).toBe(text);
		expect(reports.length).toBeGreaterThan(1);
		expect(reports.at(-1)).toEqual([file.size, file.size]);
		expect(reports.every(([read], i) => i === 0 || read > reports[i - 1][0])).toBe(true);
	});

	it('refuses a file that is not UTF-8 text', async () => {
		const file = new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]);
		await expect(collect(fileText(file))).rejects.toBeInstanceOf(BackupError);
	});
});
