#!/usr/bin/env node
// `npm start`: the desktop app. Its Electron shell is not built yet (see the issues);
// until it is, this says so and points to what works today.
console.log(
  'TwoStep desktop app: the Electron shell is not part of this build yet.\n' +
    'The identity service is in main/identity and is exercised by `npm test`.',
);
