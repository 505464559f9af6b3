// Time-zone names: the current IANA names, whatever the runtime calls them. ICU (Node, Chromium)
// still lists and resolves some zones under names IANA has replaced ("Europe/Kiev" for
// Europe/Kyiv, "Asia/Calcutta" for Asia/Kolkata), while accepting the current ones as input. The
// app offers, stores and shows only current names, and maps old ones (from stored data, archives,
// a browser's resolvedOptions()) to them. Pure: no I/O, the same on server and browser.

/**
 * Old name -> current IANA name: the names ICU still uses (checked against tzdata 2025's
 * zone.tab), then older spellings and zones IANA merged, which stored data may hold.
 */
export const LEGACY_TIME_ZONES: Readonly<Record<string, string>> = {
  // ICU's canonical names that IANA renamed
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
  // Older spellings and merged zones
  "Asia/Ashkhabad": "Asia/Ashgabat",
  "Asia/Chongqing": "Asia/Shanghai",
  "Asia/Chungking": "Asia/Shanghai",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Harbin": "Asia/Shanghai",
  "Asia/Macao": "Asia/Macau",
  "Asia/Tel_Aviv": "Asia/Jerusalem",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ujung_Pandang": "Asia/Makassar",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "America/Montreal": "America/Toronto",
  "America/Nipigon": "America/Toronto",
  "America/Thunder_Bay": "America/Toronto",
  "America/Rainy_River": "America/Winnipeg",
  "America/Yellowknife": "America/Edmonton",
  "America/Pangnirtung": "America/Iqaluit",
  "Australia/Currie": "Australia/Hobart",
  "Europe/Belfast": "Europe/London",
  "Europe/Tiraspol": "Europe/Chisinau",
  // Coordinated Universal Time under its other names
  "Etc/UTC": "UTC",
  "Etc/UCT": "UTC",
  "Etc/Universal": "UTC",
  "Etc/Zulu": "UTC",
  UCT: "UTC",
  Universal: "UTC",
  Zulu: "UTC",
};

/** The current IANA name of a zone ("Europe/Kiev" -> "Europe/Kyiv"); other names unchanged. */
export function currentTimeZone(name: string): string {
  return Object.hasOwn(LEGACY_TIME_ZONES, name) ? LEGACY_TIME_ZONES[name]! : name;
}

/**
 * The zones to choose from: UTC, then every zone the runtime knows, by current name, in
 * alphabetical order. The same list on the server and in the browser (both ICU).
 */
export const TIME_ZONES: readonly string[] = (() => {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const current = new Set(all.map(currentTimeZone).filter((zone) => zone !== "UTC" && runtimeKnows(zone)));
  return ["UTC", ...[...current].sort()];
})();

function runtimeKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
