/**
 * The backup reminder's strings (components/BackupReminder.svelte): a file of its own, since
 * the reminder shows only once a database exists, never on a first visit.
 */
import type { Locale } from './strings';

const en = {
	label: 'Backup',
	text: (days: number) => `You have studied on ${days} days since your last backup. Your progress lives only in this browser.`,
	action: 'Back up now',
	dismiss: 'Dismiss'
};

const ko: typeof en = {
	label: '백업',
	text: (days: number) => `마지막 백업 이후 ${days}일 동안 학습했습니다. 진행 상황은 이 브라우저에만 저장되어 있습니다.`,
	action: '지금 백업',
	dismiss: '닫기'
};

export const REMINDER_STRINGS: Record<Locale, typeof en> = { en, ko };
