/** The ticket-words search of the presets, for the Reproduce screen (the core's, handed on without its schemas). */
export { searchPresets } from '../core/scenarios/presets/ticket-search';
