/** Deterministic demo and benchmark data for any definition set. */
export { createRandom, type Random } from './random';
export { generateRecords, type GeneratedRecord } from './generateRecords';
export { bulkInsert } from './bulkInsert';
export { seedDatabase, DEMO_COMPANIES, DEFAULT_SEED, type SeedOptions } from './seedDatabase';
export { seedCounts, ANCHOR_TYPE } from './seedCounts';
export { seedOrder } from './seedOrder';
export { SeedGenerationError } from './SeedGenerationError';
export { SAMPLE_LIST_KEYS, sampleListKeys } from './sampleListKeys';
export { patternGenerator, type StringGenerator } from './patternGenerator';
export { installSampleLists } from './installSampleLists';
export { SAMPLE_LISTS, type SampleListValue } from './sampleLists';
