// The IANA zones the runtime knows; the same list on the server and in the browser (both ICU).
const ZONES: string[] = (() => {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes("UTC") ? all : ["UTC", ...all];
})();

export function TimeZoneOptions() {
  return (
    <>
      {ZONES.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, " ")}
        </option>
      ))}
    </>
  );
}
