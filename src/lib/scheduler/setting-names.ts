/**
 * Every scheduler setting's name. `w` (the FSRS parameters) has no entry in DEFAULT_SETTINGS,
 * absent meaning FSRS's defaults, and this list is a module of its own: the first visit's
 * home reads DEFAULT_SETTINGS and so carries no byte of either.
 */
import { DEFAULT_SETTINGS, type SchedulerSettings } from './types';

export const SCHEDULER_KEYS = [...Object.keys(DEFAULT_SETTINGS), 'w'] as (keyof SchedulerSettings)[];
