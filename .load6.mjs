import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
const snap = () => Object.fromEntries(execSync("for p in $(pgrep -f chromium); do echo $p $(awk '{print $14+$15}' /proc/$p/stat) $(tr '\\0' ' ' < /proc/$p/cmdline | grep -o -- '--type=[a-z-]*\\|--utility-sub-type=[a-zA-Z.]*' | tr '\\n' ' '); done").toString().split('\n').filter(Boolean).map(l=>{const [p,t,...r]=l.split(' ');return [p,{t:+t,type:r.join(' ')}]}));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-webgpu'] });
const ctx = await b.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:'+process.argv[2]+'/');
await page.waitForTimeout(12000);
const a = snap(); await page.waitForTimeout(10000); const c = snap();
for (const [p,v] of Object.entries(c)) { const d = v.t - (a[p]?.t ?? 0); if (d>5) console.log(p, (d/100).toFixed(1)+'s', v.type); }
const client = await ctx.newCDPSession(page);
await client.send('Profiler.enable'); await client.send('Profiler.start');
await page.waitForTimeout(3000);
const {profile} = await client.send('Profiler.stop');
const idx = new Map(profile.nodes.map(n=>[n.id,n])); const self = new Map();
for (let k=0;k<profile.samples.length;k++){ const n=idx.get(profile.samples[k]); const cf=n.callFrame; const key=cf.functionName+' '+cf.url.split('/').pop()+':'+cf.lineNumber; self.set(key,(self.get(key)||0)+(profile.timeDeltas[k]||0)); }
console.log([...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${(v/1000).toFixed(0)}ms ${k}`).join('\n'));
await b.close();
