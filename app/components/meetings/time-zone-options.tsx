import { TIME_ZONES } from "~/lib/time-zones";

/** The IANA zones by their current names (Europe/Kyiv, Asia/Kolkata), UTC first. */
export function TimeZoneOptions() {
  return (
    <>
      {TIME_ZONES.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, " ")}
        </option>
      ))}
    </>
  );
}
