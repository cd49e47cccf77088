// Run with `node loadMain.js` inside a deployment package: requires the app's `main` the way the Azure
// worker does, with the registrations captured by a stand-in for the worker's @azure/functions-core,
// and prints every file the app loaded, every function it registered and each HTTP function's route
// and methods, as JSON.
const Module = require('node:module');
const path = require('node:path');

const registered = [];
const http = [];
const hooks = [];
const core = {
  version: '3.11.0',
  registerFunction: (metadata) => {
    registered.push(metadata.name);
    const trigger = Object.values(metadata.bindings).find((b) => b.type === 'httpTrigger');
    if (trigger) http.push({ name: metadata.name, route: trigger.route ?? metadata.name, methods: trigger.methods ?? ['GET', 'POST'] });
    return { dispose() {} };
  },
  registerHook: (name) => {
    hooks.push(name);
    return { dispose() {} };
  },
  setProgrammingModel() {},
  getProgrammingModel: () => undefined,
  log() {},
};
// As the worker does: require('@azure/functions-core') answers with the host's object.
const original = Module.prototype.require;
Module.prototype.require = function (id) {
  return id === '@azure/functions-core' ? core : original.call(this, id);
};

const pkg = require(path.resolve('package.json'));
require(path.resolve(pkg.main));
const loaded = Object.keys(require.cache).filter((file) => file !== __filename);
process.stdout.write(JSON.stringify({ loaded, registered, http }));
