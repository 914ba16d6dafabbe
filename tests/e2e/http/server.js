const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/redirect') {
    res.writeHead(302, { 'Location': 'http://127.0.0.1/target' });
    res.end();
  } else if (req.url === '/cookies') {
    res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
    res.setHeader('Content-Type', 'text/plain');
    res.end('cookies set\n');
  } else {
    let body = '';
    req.on('data', (d) => body += d);
    req.on('end', () => { res.write('got ' + req.method + ' ' + body.length + '\n'); res.end('bye\n'); });
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log('port', server.address().port);
  setTimeout(() => server.close(), +process.argv[2] || 3000);
});
