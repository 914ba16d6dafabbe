'use strict';
// Command-line and utility libraries.
const _ = require('lodash');
const { Command } = require('commander');
const chalk = require('chalk');
const semver = require('semver');
const minimist = require('minimist');
const yargs = require('yargs/yargs');
const dayjs = require('dayjs');
const ms = require('ms');
const program = new Command();
program.option('-n, --name <name>', 'name', 'world').parse(['node', 'app', '-n', 'nodus']);
console.log(_.chunk([1, 2, 3, 4, 5], 2), _.camelCase('hello big world'), program.opts());
console.log(chalk.red('red?'), semver.satisfies('1.2.3', '^1.0.0'), minimist(['-x', '3', '--y=z']));
console.log(ms('2 days'), dayjs('2024-01-02').add(1, 'day').format('YYYY-MM-DD'));
const argv = yargs(['--port', '8080', 'serve']).command('serve', 'x').parse();
console.log(argv.port, argv._);
require('debug')('app')('hidden unless DEBUG is set');
