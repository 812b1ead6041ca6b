import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devSignInRoutes, type DevPersona } from '../../server/http/dev-sign-in-routes.js';

const PERSONAS: DevPersona[] = [
  { userName: 'admin', name: 'Demo Admin', description: 'Bootstrap administrator' },
  { userName: 'pat', name: 'Pat Agent', description: 'Service desk agent' },
];

let enabled = true;
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.use(
    devSignInRoutes({
      enabled: () => enabled,
      personas: async () => PERSONAS,
      signIn: async (userName) => (PERSONAS.some((p) => p.userName === userName) ? `token-for-${userName}` : null),
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  enabled = true;
});

const signIn = (body: unknown) => fetch(`${base}/auth/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('devSignInRoutes', () => {
  it('lists the personas, marked development only', async () => {
    const res = await fetch(`${base}/auth/dev/personas`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-atrium-dev-sign-in')).toBe('development only');
    expect(await res.json()).toEqual({ developmentOnly: true, personas: PERSONAS });
  });

  it('signs in a known user with a token nobody caches', async () => {
    const res = await signIn({ userName: 'pat' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-atrium-dev-sign-in')).toBe('development only');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ developmentOnly: true, token: 'token-for-pat' });
  });

  it('refuses a user who may not sign in with 403 and a clear error', async () => {
    const res = await signIn({ userName: 'mallory' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      errors: [{ message: '"mallory" cannot sign in: there is no active, approved user with that user name', extensions: { code: 'FORBIDDEN' } }],
      developmentOnly: true,
    });
  });

  it('asks for a userName when the body has none', async () => {
    const res = await signIn({ user: 'pat' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('parses its own body when the app has no JSON parser in front', async () => {
    const app = express().use(devSignInRoutes({ enabled: () => true, personas: async () => [], signIn: async (u) => `t-${u}` }));
    const bare = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => bare.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/auth/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userName":"pat"}' });
      expect(await res.json()).toEqual({ developmentOnly: true, token: 't-pat' });
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });

  describe('when disabled', () => {
    beforeEach(() => {
      enabled = false;
    });

    it('answers 404 for the personas, without the development marker', async () => {
      const res = await fetch(`${base}/auth/dev/personas`);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-atrium-dev-sign-in')).toBeNull();
    });

    it('answers 404 for sign-in and issues no token', async () => {
      const res = await signIn({ userName: 'admin' });
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).not.toMatch(/token-for/);
    });
  });
});
