'use strict';
// See package.json: node-canvas is not installed in this project; jsdom treats a failing require as absent.
throw new Error('canvas (node-canvas) is not installed: test/stubs/canvas stands in for it');
