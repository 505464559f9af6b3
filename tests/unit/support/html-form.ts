// The fields a browser would send for a form of a server-rendered page, as it stands (no
// JavaScript): inputs with their values (checkboxes and radios only when checked), the selected
// option of each select (else its first), text areas. Enough for the app's own forms, which React
// renders with double-quoted attributes.

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, "&");

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : null;
};
const has = (tag: string, name: string) => new RegExp(`\\s${name}(=|\\s|>|/)`).test(tag);

/** The fields of the first <form> whose HTML contains `marker`. */
export function formFields(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const fields: [string, string][] = [];
  for (const control of form.matchAll(/<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g)) {
    const text = control[0];
    const open = /^<[^>]*>/.exec(text)![0];
    const name = attribute(open, "name");
    if (!name || has(open, "disabled")) continue;
    if (text.startsWith("<input")) {
      const type = attribute(open, "type") ?? "text";
      if (["submit", "button", "file", "image", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !has(open, "checked")) continue;
      fields.push([name, attribute(open, "value") ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    } else if (text.startsWith("<select")) {
      const options = [...text.matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
      const chosen = options.find((o) => has(o, "selected")) ?? options[0];
      if (chosen) fields.push([name, attribute(chosen, "value") ?? ""]);
    } else {
      fields.push([name, decode(text.replace(/^<[^>]*>/, "").replace(/<\/textarea>$/, "")).replace(/^\n/, "")]);
    }
  }
  return fields;
}
