'use strict';
const EventEmitter = require('events');
const { threshold } = require('../config.json');

class Inventory extends EventEmitter {
  #items = new Map();

  add(item, count) {
    this.#items.set(item, (this.#items.get(item) || 0) + count);
  }

  take(item, count) {
    const left = (this.#items.get(item) || 0) - count;
    if (left < 0) throw new RangeError(`not enough ${item}`);
    this.#items.set(item, left);
    if (left < threshold) this.emit('low', item, left);
  }

  snapshot() {
    return Object.fromEntries(this.#items);
  }
}

module.exports = { Inventory };
