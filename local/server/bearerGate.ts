/**
 * A stand-in's token check, switched on only by the production rehearsal (local/rehearsal/gates.ts
 * builds them); `npm start` and the tests pass none, so the stand-ins accept any caller as before.
 * `write` says whether the call changes data, for services whose grants separate read from write.
 */
export type GateResult = { ok: true } | { ok: false; status: 401 | 403; error: string };
export type BearerGate = (authorization: string | undefined, write: boolean) => GateResult;
