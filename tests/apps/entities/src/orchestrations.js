const df = require('durable-functions');

// Signals the ledger `count` times, one way; completes without waiting for the ledger.
df.app.orchestration('signalLedger', function* (context) {
  const { sender, count, key } = context.df.getInput();
  const ledger = new df.EntityId('ledger', key);
  for (let i = 0; i < count; i++) context.df.signalEntity(ledger, 'record', `${sender}:${i}`);
  // A call after the signals: the ledger answers once everything before it was applied.
  const state = yield context.df.callEntity(ledger, 'get');
  return state.count;
});

df.app.orchestration('callFailing', function* (context) {
  try {
    yield context.df.callEntity(new df.EntityId('ledger', context.df.getInput()), 'fail');
    return 'no error';
  } catch (err) {
    return `caught: ${err.message}`;
  }
});

// Moves money between two accounts inside a critical section: no other caller sees the half-way state.
df.app.orchestration('transfer', function* (context) {
  const { from, to, amount } = context.df.getInput();
  const a = new df.EntityId('account', from);
  const b = new df.EntityId('account', to);
  const lock = yield context.df.lock(a, b);
  try {
    const balance = yield context.df.callEntity(a, 'balance');
    if (balance < amount) return 'insufficient';
    yield context.df.callEntity(a, 'withdraw', amount);
    yield context.df.callEntity(b, 'deposit', amount);
    return 'moved';
  } finally {
    lock.release();
  }
});
