/**
 * A note's YAML front matter (`---` … `---` on its first lines), as static site generators
 * write it. Markdown would read it as a paragraph under a setext heading, so it is blanked out
 * line for line (every later line keeps its number) and only its `title:` is kept.
 */
export function frontMatter(text: string): { body: string; title: string | null } {
	if (!/^---[ \t]*\r?\n/.test(text)) return { body: text, title: null };
	const lines = text.split(/(?<=\n)/);
	const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*\r?\n?$/.test(line));
	if (end < 0) return { body: text, title: null };
	let title: string | null = null;
	for (const line of lines.slice(1, end)) {
		const match = /^title:\s*(.*?)\s*$/.exec(line);
		if (match) title = match[1].replace(/^(["'])(.*)\1$/, '$2').trim() || null;
	}
	const blank = lines.slice(0, end + 1).map((line) => line.replace(/[^\r\n]+/, ''));
	return { body: [...blank, ...lines.slice(end + 1)].join(''), title };
}
