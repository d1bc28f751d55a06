/**
 * The experiment state with where it came from, which decides how the URL follows it: an edit is
 * written with replaceState (throttled), a deliberate step is pushed as a history entry, a state reached
 * by Back is not written at all, and the state a link opened gets its corrected link written once.
 */
import type { ExperimentState } from '../../state/experiment.ts';
import { experimentStateSchema } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { reduce } from '../../state/update.ts';
import { shareUnchanged } from './share-unchanged.ts';

/**
 * A whole new state (a tour step: ClassroomProvider's `loadState`). Handled here, validated by the schema,
 * whether or not the reducer in update.ts has such an action.
 */
export interface LoadStateAction {
  type: 'loadState';
  state: ExperimentState;
}

export type PermalinkAction = Action | LoadStateAction;

/**
 * Action types that are a step the user may want to go Back from (a preset, a tour step's whole state),
 * rather than an edit in progress. Typed by the actions' own `type`s, so a name nothing dispatches
 * cannot be listed.
 */
export const DELIBERATE_ACTIONS: ReadonlySet<PermalinkAction['type']> = new Set<PermalinkAction['type']>(['applyPreset', 'applyTrainingPreset', 'loadState']);

/** Where the current state came from, which decides how the URL follows it. */
export type Origin = 'link' | 'edit' | 'deliberate' | 'history';

export interface Synced {
  state: ExperimentState;
  origin: Origin;
}

export type SyncedAction = { type: 'app'; action: PermalinkAction } | { type: 'restore'; state: ExperimentState; origin: Origin };

function loadState(current: ExperimentState, candidate: unknown): ExperimentState {
  const parsed = experimentStateSchema.safeParse(candidate);
  return parsed.success ? shareUnchanged(current, parsed.data) : current;
}

export function syncedReducer(current: Synced, a: SyncedAction): Synced {
  if (a.type === 'restore') {
    // What the restored state shares with the current one keeps its identity (share-unchanged.ts).
    const state = shareUnchanged(current.state, a.state);
    return state === current.state ? current : { state, origin: a.origin };
  }
  const next = a.action.type === 'loadState' ? loadState(current.state, a.action.state) : reduce(current.state, a.action as Action);
  // An action that changes nothing must not turn into a history entry later.
  if (next === current.state) return current;
  return { state: next, origin: DELIBERATE_ACTIONS.has(a.action.type) ? 'deliberate' : 'edit' };
}
