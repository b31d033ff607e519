/** The app's storage. Only this folder imports dexie; everything else calls these functions. */
export { closeDatabase, openDatabase, DATABASE_NAME, type OpenOptions } from './database';
export {
	DeckDataError,
	RatingConflictError,
	StorageQuotaError,
	StorageUnavailableError,
	UndoConflictError,
	UnknownCardError,
	type UnavailableReason
} from './errors';
export { hasStoredDecks, syncDecks, type SyncOptions, type SyncProgress, type SyncReport } from './sync';
export {
	deviceNotes,
	NoteClashError,
	planDeviceNote,
	removeDeviceNote,
	storeDeviceNote,
	type AddPlan,
	type DeviceNoteInfo,
	type NoteClash
} from './device-notes';
export { deviceId, newEventId } from './device';
export { pendingEvents, syncConfig, saveSyncConfig, waitingCounts, type SyncConfig } from './sync-state';
export { onJournal } from './journal';
export { cardPlaces, deckCards, deckTree, getCards, getDeck, type CardWithProgress } from './content';
export { searchContent, type SearchContent } from './search';
export {
	buryUntil,
	cardReviewLog,
	getProgress,
	latestReviewId,
	recordReview,
	resetProgress,
	setSuspended,
	undoLastReview,
	undoReview
} from './progress';
export { queueSource, withoutRating, type QueueSource, type StudyWindow } from './queue';
export { sessionHead, type SessionHead } from './first-card';
export {
	deckCounts,
	limitsUsedToday,
	logFingerprint,
	nextDueAfter,
	ratingsBetween,
	streakBefore,
	studiedBetween,
	studyStreak,
	todayStats,
	type DeckCounts,
	type TodayStats
} from './counts';
export { noteDeckCounts } from './totals';
export { homeRead, type HomeRead, type RootCounts, type TodayTotals } from './home-read';
export { getAppSetting, getExam, getSettings, saveSettings, setAppSetting } from './settings';
export { addQuizResult, quizHistory } from './quiz';
export type { QuizResult } from './rows';
export { quizCards, quizProgress, type QuizContent } from './quiz-cards';
export { sendToReview, type SentToReview } from './quiz-review';
export { sentToReviewToday } from './sent';
export { importProgress } from './bulk';
export { HEATMAP_DAYS, statsDetails, statsOverview, type CardStates, type DeckSize, type StatsDetails, type StatsOverview } from './stats';
export { backupSettings, exportBackup, previewRestore, restoreBackup, type OnProgress, type RestorePlan } from './backup';
export { backupReminderDue, dismissBackupReminder, markBackedUp, REMIND_AFTER_DAYS } from './reminder';
export { ankiText, reviewLogCsv } from './export';
