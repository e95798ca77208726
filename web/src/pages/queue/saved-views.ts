/** Saved views of the queue: named filter sets kept in this browser, per signed-in user. */
import type { QueueFilters } from './queue-api';

export interface SavedView {
  name: string;
  filters: QueueFilters;
}

const keyOf = (userId: string) => `leadloop.queue.views.${userId}`;

export function loadViews(userId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]).filter((v) => typeof v?.name === 'string') : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a view; answers the new list. */
export function saveView(userId: string, view: SavedView): SavedView[] {
  const views = [...loadViews(userId).filter((v) => v.name !== view.name), view];
  localStorage.setItem(keyOf(userId), JSON.stringify(views));
  return views;
}

export function deleteView(userId: string, name: string): SavedView[] {
  const views = loadViews(userId).filter((v) => v.name !== name);
  localStorage.setItem(keyOf(userId), JSON.stringify(views));
  return views;
}
