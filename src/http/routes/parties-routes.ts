import type { FastifyInstance } from 'fastify';
import type { RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import { registerRecordRoutes } from './record-routes.ts';

export function registerPartiesRoutes(app: FastifyInstance, store: RecordStore, writeLimit: RateLimit): void {
  registerRecordRoutes(app, store, writeLimit, { kind: 'parties' });
}
