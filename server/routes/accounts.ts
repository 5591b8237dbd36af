import { Router } from 'express';
import { AccountCreate, type AccountList, AccountUpdate } from '../../domain/account.ts';
import { requireRole } from '../auth/middleware.ts';
import type { AtlasStore } from '../store/store.ts';
import { jsonBody, parseBody } from './json-body.ts';

/** `/api/accounts`: an admin lists, creates and changes accounts. Mount after `loadSession` and `csrfGuard`. */
export function accountRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();
  const adminOnly = requireRole('admin');

  router.get('/accounts', adminOnly, async (_request, response) => {
    const { accounts } = await getStore();
    const body: AccountList = { accounts: await accounts.list() };
    response.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/accounts', adminOnly, jsonBody, async (request, response) => {
    const input = parseBody(request, AccountCreate);
    const { accounts } = await getStore();
    response
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await accounts.create(input));
  });

  router.patch('/accounts/:id', adminOnly, jsonBody, async (request, response) => {
    const patch = parseBody(request, AccountUpdate);
    const { accounts } = await getStore();
    response.set('Cache-Control', 'no-store').json(await accounts.update(String(request.params.id), patch));
  });

  return router;
}
