import type { SinkEntry } from '../sinkTypes';
import { AI_SINKS } from './aiSinks';
import { LOG_SINKS } from './logSinks';
import { STORAGE_SINKS } from './storageSinks';
import { URL_SINKS } from './urlSinks';

export { AI_HOSTS } from './aiSinks';

export const SINKS: readonly SinkEntry[] = [...AI_SINKS, ...LOG_SINKS, ...STORAGE_SINKS, ...URL_SINKS];
