/**
 * What a heading is about, as a short name to put in a question: `Write Concern` from
 * "33. 쓰기 작업의 확인 수준을 지정하는 Write Concern이란 무엇이며 어떻게 설정하나요?",
 * `kubectl logs 명령어` from "kubectl logs 명령어의 다양한 옵션(-f, …)을 설명해주세요. (K8S-101)".
 * Interview notes head each question with the question itself; a table under it headed only
 * `주요 옵션` or `비교` asks about that question's subject.
 */

/** A subject longer than this is a sentence, not a name to put before a question. */
export const SUBJECT_MAX = 40;
const QUESTION = /(?:\?|요\.?|니까\.?|하시오\.?|세요\.?)$/;
// The particle that ends a question's first noun phrase: `kubectl logs 명령어의`, `Pod가`.
const PARTICLE = /^(.+?)(?:이란|란|에는|에|의|을|를|은|는|이|가|와|과|으로|로)$/;
const ALONE = /^(?:이란|란|에|의|을|를|은|는|이|가|와|과|으로|로|에서|에서는|에서의)$/;
const LATIN = /^[A-Za-z@$][\w.@/+&-]*$/;

/** A heading without its question id (`(OS-021)`) or list number (`33.`). */
export function bareTitle(title: string): string {
	return title
		.replace(/\s*\((?:[A-Z][A-Z0-9]*-\d+)\)\s*$/, '')
		.replace(/^\d+\.\s+/, '')
		.trim();
}

/** The heading itself when it is a short name, the subject of its question, or '' when none is clear. */
export function headingSubject(title: string): string {
	const bare = bareTitle(title);
	if ([...bare].length <= SUBJECT_MAX && !QUESTION.test(bare)) return bare;
	const words = bare
		.replace(/\s*\([^)]*\)/g, '')
		.split(/\s+/)
		.filter(Boolean);
	// `… Write Concern이란 무엇이며 …`: the thing the question defines.
	const defined = words.findIndex((word) => /^[\w.@/+&가-힣-]{2,}(?:이란|란)$/u.test(word));
	if (defined >= 0) {
		const name = [words[defined].replace(/(?:이란|란)$/, '')];
		for (let i = defined - 1; i >= 0 && name.length < 4 && LATIN.test(words[i]); i--) name.unshift(words[i]);
		return name.join(' ');
	}
	const taken: string[] = [];
	for (const word of words) {
		if (ALONE.test(word)) break;
		if (/(?:에서|에서는|에서의)$/.test(word)) {
			// `Kubernetes에서 Memory limits을 …`: a one-word scope; the subject follows it.
			if (taken.length === 0) continue;
			taken.push(word.replace(/(?:에서|에서는|에서의)$/, ''));
			break;
		}
		const found = PARTICLE.exec(word);
		// `컴파일 언어와 인터프리터 언어의 차이`: both things are the subject.
		const and = found && /[와과]$/.test(word) && !/(?:이란|란)$/.test(word);
		taken.push(found && !and ? found[1] : word);
		if (found && !and) break;
		if (taken.length > 7) return '';
	}
	const subject = taken.join(' ');
	// `requests만 설정했을 때`: a clause, not a name.
	if (taken.some((word) => /(?:했|됐|할|될|된|한|하는|되는|만)$/.test(word))) return '';
	const length = [...subject].length;
	return length >= 2 && length <= SUBJECT_MAX && !/^(?:우리|저희|이|그)$/.test(subject) ? subject : '';
}
