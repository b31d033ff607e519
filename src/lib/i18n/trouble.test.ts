import { describe, expect, it } from 'vitest';
import { TROUBLE_STRINGS } from './trouble';

describe('storage trouble strings', () => {
	it('count ratings in the singular in English, and say the same in Korean', () => {
		const { en, ko } = TROUBLE_STRINGS;
		expect(en.notSaved(1)).toBe('1 rating was not saved; its card comes back to be rated again.');
		expect(en.notSaved(3)).toBe('3 ratings were not saved; their cards come back to be rated again.');
		expect(en.notSavedReload(1)).toBe('1 rating was not saved: after reloading, rate that card again.');
		expect(en.notSavedReload(2)).toBe('2 ratings were not saved: after reloading, rate those cards again.');
		expect(ko.notSavedReload(2)).toBe('평가 2개가 저장되지 않았습니다. 새로 고친 뒤 해당 카드를 다시 평가하세요.');
		expect(ko.removed('Pod')).toBe('“Pod” 카드는 노트에서 삭제되어 건너뛰었습니다.');
		expect(Object.keys(ko)).toEqual(Object.keys(en));
	});
});
