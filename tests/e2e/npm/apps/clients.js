'use strict';
// HTTP clients (axios, node-fetch) and WebSockets (ws) against local servers.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/x?y=1`;
  const axios = require('axios');
  const r1 = await axios.post(url, { a: 1 });
  console.log('axios', r1.status, r1.data);
  const fetch = require('node-fetch');
  const r2 = await fetch(url);
  console.log('node-fetch', r2.status, await r2.json());
  const { WebSocketServer, WebSocket } = require('ws');
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.on('listening', resolve));
  wss.on('connection', (socket) => socket.on('message', (m) => socket.send(`echo:${m}`)));
  const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}`);
  ws.on('open', () => ws.send('hi'));
  ws.on('message', (m) => {
    console.log('ws', String(m));
    ws.close(1000, 'bye');
  });
  // The closing handshake completes on both sides.
  ws.on('close', (code, reason) => {
    console.log('ws closed', code, String(reason));
    wss.close();
    server.close();
  });
});
