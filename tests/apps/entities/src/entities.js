const df = require('durable-functions');

// Records every operation it applies, so a test can check each was applied once and in which order.
df.app.entity('ledger', (context) => {
  const state = context.df.getState(() => ({ count: 0, applied: [] }));
  switch (context.df.operationName) {
    case 'record':
      state.count += 1;
      state.applied.push(context.df.getInput());
      break;
    case 'get':
      context.df.return(state);
      break;
    case 'fail':
      throw new Error('the ledger refuses this operation');
    case 'forward':
      // Entity-to-entity: a one-way signal to another entity.
      context.df.signalEntity(new df.EntityId('account', context.df.getInput().to), 'deposit', context.df.getInput().amount);
      break;
    case 'delete':
      context.df.destructOnExit();
      return;
  }
  context.df.setState(state);
});

df.app.entity('account', (context) => {
  const balance = context.df.getState(() => 0);
  switch (context.df.operationName) {
    case 'deposit':
      context.df.setState(balance + context.df.getInput());
      break;
    case 'withdraw':
      context.df.setState(balance - context.df.getInput());
      break;
    case 'balance':
      context.df.return(balance);
      break;
  }
});
