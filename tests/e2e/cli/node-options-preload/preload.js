globalThis.preloaded = 'yes';
