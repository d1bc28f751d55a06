import fc from 'fast-check';

/**
 * Property tests draw fresh random cases on a developer's machine (that is how they find new counterexamples;
 * fast-check prints the seed of any failure). In CI (CI set) they use one fixed seed, or FC_SEED when given, so
 * that a landing is decided by the code and not by the draw, and a CI failure reproduces exactly.
 */
const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261202' : undefined);
if (pinned !== undefined) fc.configureGlobal({ seed: Number(pinned) });
