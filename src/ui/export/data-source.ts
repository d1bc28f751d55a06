import type { DataTable } from '../../worker/data-table.ts';

/** What a panel offers its Data buttons: a table built only when a button is pressed, or why there is none. */
export type DataSource = { ready: true; rows: number; table: () => DataTable } | { ready: false; reason: string };
