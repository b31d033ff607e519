import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '$lib/scheduler/fsrs';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import { closeDatabase, database } from './database';
import { getAppSetting, getSettings, saveSettings, setAppSetting } from './settings';
import { applySettingsDoc } from './settings-sync';
import { openTestDatabase } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('settings', () => {
	it('gives the defaults until something is saved', async () => {
		expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
	});

	it('lays saved values over the defaults, one key at a time', async () => {
		await saveSettings({ newPerDay: 5, learningSteps: ['2m'] });
		await saveSettings({ dayStartHour: 6 });
		expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5, learningSteps: ['2m'], dayStartHour: 6 });
	});

	it('ignores a stored value of the wrong type', async () => {
		await database().settings.put({ key: 'scheduler.newPerDay', value: 'many' });
		expect((await getSettings()).newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
	});

	it('stores the FSRS parameters as a list of numbers, and ignores a stored list of anything else', async () => {
		const w = DEFAULT_PARAMETERS.map((v) => Math.round(v * 1.1 * 10_000) / 10_000);
		await saveSettings({ w });
		expect((await getSettings()).w).toEqual(w);
		await database().settings.put({ key: 'scheduler.w', value: ['0.2', 'x'] });
		expect((await getSettings()).w).toBeUndefined();
	});

	it('takes FSRS parameters from another device through sync, and a list of anything else not', async () => {
		const w = DEFAULT_PARAMETERS.map((v) => Math.round(v * 0.9 * 10_000) / 10_000);
		await applySettingsDoc(database(), { _id: 'settings', _rev: '1-a', values: { 'scheduler.w': w } });
		expect((await getSettings()).w).toEqual(w);
		await applySettingsDoc(database(), { _id: 'settings', _rev: '2-b', values: { 'scheduler.w': ['x'] } });
		expect((await getSettings()).w).toEqual(w);
	});

	it('keeps app settings by their own key beside the scheduler’s', async () => {
		expect(await getAppSetting('theme')).toBeUndefined();
		await setAppSetting('theme', 'dark');
		expect(await getAppSetting<string>('theme')).toBe('dark');
		await expect(setAppSetting('scheduler.newPerDay', 1)).rejects.toThrow(/saveSettings/);
		expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
	});
});
