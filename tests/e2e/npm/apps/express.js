'use strict';
// express@4: routing, res.json, express.json(), redirects, cookies, static files.
const express = require('express');
const http = require('http');
const app = express();
app.use(express.json());
app.get('/', (req, res) => res.send('hello from express'));
app.get('/json', (req, res) => res.json({ a: 1, q: req.query }));
app.post('/echo', (req, res) => res.json({ got: req.body }));
app.get('/go', (req, res) => res.redirect('/json'));
app.get('/cookie', (req, res) => {
  res.cookie('x', '1');
  res.cookie('y', '2', { httpOnly: true });
  res.send('ok');
});
app.use('/static', express.static(__dirname));
function get(port, path, method = 'GET', body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method,
      headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const root = await get(port, '/');
  console.log(root.status, root.headers['content-type'], root.headers['x-powered-by'], root.data);
  console.log((await get(port, '/json?z=1')).data);
  console.log((await get(port, '/echo', 'POST', '{"k":[1,2]}')).data);
  const go = await get(port, '/go');
  console.log(go.status, go.headers.location);
  console.log((await get(port, '/cookie')).headers['set-cookie']);
  const file = await get(port, '/static/package.json');
  console.log(file.status, JSON.parse(file.data).name);
  console.log((await get(port, '/missing')).status);
  server.close();
});
