import type { DemoBase } from './demo-data.js';
import { rng, type DemoWriter } from './demo-writer.js';

/** The CMDB's items by kind, as ids: what the ITSM demo links its incidents, problems and changes to. */
export interface DemoCmdb {
  servers: string[];
  databases: string[];
  applications: string[];
  networkDevices: string[];
}

const SITES = ['lon', 'ber', 'aus'];
const APPS = ['CRM', 'Payroll', 'Intranet', 'Webshop', 'Billing', 'HR Portal', 'Ticketing', 'Data Warehouse', 'Mail', 'Wiki', 'Build Server', 'Identity', 'Reporting', 'Inventory', 'Chat', 'Monitoring'];
const VENDORS = ['In-house', 'Acme Software', 'Globex Systems', 'Initech', 'Hooli'];
const OS = ['Debian 12', 'Ubuntu 24.04', 'RHEL 9', 'Windows Server 2022'];
const ENGINES = ['POSTGRESQL', 'POSTGRESQL', 'MYSQL', 'ORACLE', 'SQL_SERVER'];
const STATUS = ['OPERATIONAL', 'OPERATIONAL', 'OPERATIONAL', 'OPERATIONAL', 'OPERATIONAL', 'OPERATIONAL', 'REPAIR', 'NON_OPERATIONAL'];
const ENVIRONMENTS = ['PRODUCTION', 'PRODUCTION', 'PRODUCTION', 'STAGING', 'TEST', 'DEVELOPMENT'];

type Edge = { parent: string; child: string; relationshipType: 'DEPENDS_ON' | 'RUNS_ON' | 'HOSTED_ON' | 'CONNECTED_TO' };

/**
 * A configuration management database of about 530 items and 1,300 relationships, the same on every start: core
 * routers and switches, firewalls and load balancers (restricted to the Network groups); hypervisors hosting
 * virtual servers; databases hosted on servers; applications running on servers, depending on databases, on
 * load balancers and on each other — including cycles (applications that call each other), so the impact query
 * has loops to end. Switches are also connected_to their firewall, which carries no impact.
 */
export async function loadCmdbDemoData(w: DemoWriter, base: DemoBase): Promise<DemoCmdb> {
  const random = rng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const g = base.groups;
  const common = (name: string, owner: string, extra: Record<string, unknown> = {}) => ({
    name,
    status: pick(STATUS),
    environment: pick(ENVIRONMENTS),
    ownerGroup: g[owner],
    location: pick(base.locations),
    ...extra,
  });
  const edges: Edge[] = [];
  const edge = (parent: string, child: string, relationshipType: Edge['relationshipType']) => edges.push({ parent, child, relationshipType });

  w.progress('CMDB: network devices, servers, databases, applications');
  const routers = await w.createMany('NetworkDevice', SITES.map((s) => common(`${s}-core-rtr`, 'Network', { deviceType: 'ROUTER', ipAddress: `10.${SITES.indexOf(s)}.0.1`, firmwareVersion: '17.9', environment: 'PRODUCTION' })));
  const firewalls = await w.createMany(
    'NetworkDevice',
    Array.from({ length: 6 }, (_, i) => common(`${SITES[i % 3]}-fw-${i + 1}`, 'Network', { deviceType: 'FIREWALL', restricted: true, ipAddress: `10.${i % 3}.0.${10 + i}`, firmwareVersion: '7.2.4' })),
  );
  const switches = await w.createMany(
    'NetworkDevice',
    Array.from({ length: 15 }, (_, i) => common(`${SITES[i % 3]}-sw-${String(i + 1).padStart(2, '0')}`, 'Network Operations', { deviceType: 'SWITCH', ipAddress: `10.${i % 3}.1.${i + 1}` })),
  );
  const balancers = await w.createMany(
    'NetworkDevice',
    Array.from({ length: 6 }, (_, i) => common(`${SITES[i % 3]}-lb-${i + 1}`, 'Network Operations', { deviceType: 'LOAD_BALANCER', restricted: i % 2 === 0, ipAddress: `10.${i % 3}.2.${i + 1}` })),
  );
  switches.forEach((sw, i) => {
    edge(sw, routers[i % 3], 'DEPENDS_ON');
    edge(sw, firewalls[i % 6], 'CONNECTED_TO');
  });
  firewalls.forEach((fw, i) => edge(fw, routers[i % 3], 'DEPENDS_ON'));
  balancers.forEach((lb, i) => edge(lb, switches[i % 15], 'DEPENDS_ON'));

  const hypervisors = await w.createMany(
    'Server',
    Array.from({ length: 40 }, (_, i) => common(`${SITES[i % 3]}-hv-${String(i + 1).padStart(2, '0')}`, 'Hardware', { os: 'VMware ESXi 8', cpuCount: 64, ramGb: 512, virtual: false, ipAddress: `10.${i % 3}.10.${i + 1}` })),
  );
  const vms = await w.createMany(
    'Server',
    Array.from({ length: 200 }, (_, i) =>
      common(`${SITES[i % 3]}-vm-${String(i + 1).padStart(3, '0')}`, pick(['Hardware', 'Applications', 'Database']), { os: pick(OS), cpuCount: pick([2, 4, 8, 16]), ramGb: pick([4, 8, 16, 32, 64]), ipAddress: `10.${i % 3}.${20 + Math.floor(i / 200)}.${(i % 250) + 1}` }),
    ),
  );
  hypervisors.forEach((hv, i) => edge(hv, switches[i % 15], 'DEPENDS_ON'));
  vms.forEach((vm, i) => edge(vm, hypervisors[(i * 7) % 40], 'HOSTED_ON'));

  const databases = await w.createMany(
    'Database',
    Array.from({ length: 100 }, (_, i) => {
      const app = APPS[i % APPS.length];
      return common(`${app.toLowerCase().replace(/[^a-z]+/g, '-')}-db-${Math.floor(i / APPS.length) + 1}`, 'Database', {
        engine: pick(ENGINES),
        engineVersion: pick(['13', '15', '16', '8.0', '19c']),
        port: pick([5432, 3306, 1521, 1433]),
        // Payroll and HR data: seen only by the owning group's agents.
        restricted: app === 'Payroll' || app === 'HR Portal',
      });
    }),
  );
  databases.forEach((db, i) => edge(db, vms[(i * 3) % 200], 'HOSTED_ON'));

  const applications = await w.createMany(
    'Application',
    Array.from({ length: 160 }, (_, i) => {
      const app = APPS[i % APPS.length];
      return common(`${app} ${Math.floor(i / APPS.length) + 1}`, 'Applications', {
        softwareVersion: `${1 + Math.floor(random() * 9)}.${Math.floor(random() * 20)}`,
        vendor: pick(VENDORS),
        url: `https://${app.toLowerCase().replace(/[^a-z]+/g, '-')}-${Math.floor(i / APPS.length) + 1}.example.com`,
      });
    }),
  );
  applications.forEach((app, i) => {
    edge(app, vms[(i * 5 + 1) % 200], 'RUNS_ON');
    if (i % 2 === 0) edge(app, vms[(i * 5 + 2) % 200], 'RUNS_ON');
    edge(app, databases[i % 100], 'DEPENDS_ON');
    if (i % 4 === 0) edge(app, databases[(i + 37) % 100], 'DEPENDS_ON');
    if (i % 6 === 0) edge(app, balancers[i % 6], 'DEPENDS_ON');
    // Applications calling each other: i → i+1 for every third one, and i+1 → i for every ninth: two-item cycles.
    if (i % 3 === 0) edge(app, applications[(i + 1) % 160], 'DEPENDS_ON');
    if (i % 9 === 0) edge(applications[(i + 1) % 160], app, 'DEPENDS_ON');
    if (random() < 0.15) edge(app, pick(applications), 'DEPENDS_ON');
  });
  // A longer loop: the first application of every kind depends on the next kind's, and the last on the first.
  for (let k = 0; k < APPS.length; k++) edge(applications[k], applications[(k + 1) % APPS.length], 'DEPENDS_ON');

  w.progress(`CMDB: ${edges.length} relationships`);
  const unique = new Map(edges.filter((e) => e.parent !== e.child).map((e) => [`${e.parent}|${e.child}|${e.relationshipType}`, e]));
  await w.createMany('CiRelationship', [...unique.values()]);
  return { servers: [...hypervisors, ...vms], databases, applications, networkDevices: [...routers, ...firewalls, ...switches, ...balancers] };
}
