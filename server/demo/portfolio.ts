/**
 * What the demo is made of: a catalogue, the Customer Success user, two partner portfolios, and the
 * customers and sites their accounts are named after.
 */
export const LICENCES = [
  {
    code: "starter",
    name: "Starter",
    description: "Monitoring and alerts for small portfolios",
    position: 1,
  },
  {
    code: "professional",
    name: "Professional",
    description: "Analytics, reports and M&V",
    position: 2,
  },
  {
    code: "enterprise",
    name: "Enterprise",
    description: "Everything, with API access and SSO",
    position: 3,
  },
];
export const BILL_MANAGEMENT_TYPES = [
  { code: "bm-basic", name: "Bill Management Basic", position: 1 },
  { code: "bm-advanced", name: "Bill Management Advanced", position: 2 },
];
export const SECTORS = [
  { code: "education", name: "Education" },
  { code: "healthcare", name: "Healthcare" },
  { code: "hospitality", name: "Hospitality" },
  { code: "industry", name: "Industry" },
  { code: "logistics", name: "Logistics" },
  { code: "offices", name: "Offices" },
  { code: "public", name: "Public administration" },
  { code: "retail", name: "Retail" },
  { code: "sports", name: "Sports facilities" },
  { code: "utilities", name: "Water and utilities" },
];

export const CUSTOMER_SUCCESS = { email: "cs@wattfolio.demo", name: "Carla Soto" };

/** The two partners, each with a SuperAdmin and an account user who sees a few accounts. */
export const PORTFOLIOS = [
  {
    name: "Enerlogic Services",
    timeZone: "Europe/Madrid",
    countries: ["ES", "ES", "ES", "PT"],
    admin: { email: "ana@enerlogic.demo", name: "Ana García" },
    user: { email: "luis@enerlogic.demo", name: "Luis Pérez" },
    domain: "enerlogic.demo",
    language: "es",
    /** New accounts the SuperAdmin has asked for, still waiting for Customer Success. */
    pendingNewAccounts: [
      "Logroño Data Centre",
      "Puerto Olímpico Marina",
      "Sevilla Central Station",
    ],
  },
  {
    name: "GreenGrid Consulting",
    timeZone: "Europe/London",
    countries: ["GB", "IE", "FR", "ES"],
    admin: { email: "emma@greengrid.demo", name: "Emma Clark" },
    user: { email: "tom@greengrid.demo", name: "Tom Baker" },
    domain: "greengrid.demo",
    language: "en",
    pendingNewAccounts: [
      "Logroño Data Centre (UK)",
      "Puerto Olímpico Marina (UK)",
      "Sevilla Central Station (UK)",
    ],
  },
] as const;
export type Portfolio = (typeof PORTFOLIOS)[number];

/** Customers and the sector each is in; an account is a customer's site. */
export const CUSTOMERS = [
  ["Hoteles Mar Azul", "hospitality"],
  ["Colegio San Jorge", "education"],
  ["Clínica Santa Ana", "healthcare"],
  ["Aceros del Norte", "industry"],
  ["Transportes Rápidos", "logistics"],
  ["Oficinas Castellana", "offices"],
  ["Ayuntamiento de Villaverde", "public"],
  ["Supermercados Frescos", "retail"],
  ["Polideportivo Las Lomas", "sports"],
  ["Aguas del Valle", "utilities"],
] as const;
export const SITES = ["Headquarters", "North", "South", "Warehouse", "Plant 2", "Campus"];
