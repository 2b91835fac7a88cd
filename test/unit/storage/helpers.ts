import { ChatWardenDb } from '../../../lib/storage/db';

let counter = 0;
const opened: ChatWardenDb[] = [];

/** A database with a unique name, closed and deleted by `cleanupDbs`. */
export function freshDb(): ChatWardenDb {
  const db = new ChatWardenDb(`storage-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

export async function cleanupDbs(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}
